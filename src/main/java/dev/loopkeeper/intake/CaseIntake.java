package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns survey responses into cases. Customer, response, case and process start happen in one transaction:
 * either all of them exist afterwards or none does.
 */
@Service
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);
    /** Responses per transaction in a batch: fewer commits (each forced to disk) without holding locks for long. */
    static final int BATCH_TRANSACTION = 50;

    /** The source of the cases staff open by hand for a customer who asked to be contacted. */
    public static final String STAFF = "loopkeeper-staff";
    /** The properties a staff-opened case carries on from the customer's latest response: its SLA region, where. */
    private static final List<String> CARRIED = List.of("region", "location", "product");

    private final Intake intake;
    private final IntakeTransactions transactions;
    private final CustomerHistory history;
    private final Clock clock;

    CaseIntake(Intake intake, IntakeTransactions transactions, CustomerHistory history, Clock clock) {
        this.intake = intake;
        this.transactions = transactions;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A case a member of staff opens by hand, for a known customer who asked to be contacted (on the phone, at the
     * counter): a response of source {@value #STAFF} that goes the way of any other, so the follow-up policy, the
     * SLA and the process treat it like one. The segment stands for the score the customer did not give: its
     * highest (6, 8, 10), and the reason is the comment. Region, location and product come from the customer's
     * latest response, so the SLA counts in their region.
     *
     * @throws IllegalArgumentException if the customer is unknown, or the reason is missing or too long
     */
    public IntakeResult openForCustomer(String customerExternalId, Segment segment, String reason, String openedBy) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the customer wants to be contacted");
        }
        if (reason.strip().length() > 2000) {
            throw new IllegalArgumentException("The reason can be at most 2000 characters");
        }
        List<PastResponse> responses = history.responsesOf(customerExternalId);
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("No customer " + customerExternalId);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> latest = responses.get(responses.size() - 1).properties();
        CARRIED.stream().filter(latest::containsKey).forEach(key -> properties.put(key, latest.get(key)));
        properties.put("opened-by", openedBy);
        ResponseSubmission submission = new ResponseSubmission(
                STAFF,
                UUID.randomUUID().toString(),
                clock.instant(),
                switch (segment) {
                    case DETRACTOR -> 6;
                    case PASSIVE -> 8;
                    case PROMOTER -> 10;
                },
                reason.strip(),
                new CustomerDetails(customerExternalId, null, null, null, null, null, null),
                properties);
        return receive(submission);
    }

    /**
     * Stores the response and opens its case, or returns the case opened for the same
     * (source, source event id) before. Concurrent submissions for one customer or one event all go
     * through: a transaction that lost a race to another runs again and sees the winner's rows.
     */
    public IntakeResult receive(ResponseSubmission submission) {
        return transactions.run(
                submission.source() + "/" + submission.sourceEventId(),
                () -> intake.receive(List.of(submission)).get(0));
    }

    /**
     * Many responses, each as {@link #receive} would take it, in transactions of {@value #BATCH_TRANSACTION}. A
     * transaction that fails for another reason than a race is taken apart, one response each, so that one bad
     * response does not keep the others out.
     *
     * @return for each submission, in order, its result; empty where it could not be stored (logged)
     */
    public List<Optional<IntakeResult>> receiveAll(List<ResponseSubmission> submissions) {
        List<Optional<IntakeResult>> results = new ArrayList<>(submissions.size());
        for (int from = 0; from < submissions.size(); from += BATCH_TRANSACTION) {
            List<ResponseSubmission> part =
                    submissions.subList(from, Math.min(submissions.size(), from + BATCH_TRANSACTION));
            try {
                transactions
                        .run(part.size() + " responses", () -> intake.receive(part))
                        .forEach(result -> results.add(Optional.of(result)));
            } catch (RuntimeException failed) {
                log.warn(
                        "A batch of {} responses failed ({}); storing them one by one", part.size(), failed.toString());
                for (ResponseSubmission submission : part) {
                    results.add(one(submission));
                }
            }
        }
        return results;
    }

    /**
     * Responses from before Loopkeeper (an import's history, the demo's past): stored for reports and the customers'
     * history, opening no case, in transactions of {@value #BATCH_TRANSACTION}.
     *
     * @return how many were new
     */
    public int keepAsHistory(List<ResponseSubmission> submissions) {
        int stored = 0;
        for (int from = 0; from < submissions.size(); from += BATCH_TRANSACTION) {
            List<ResponseSubmission> part =
                    submissions.subList(from, Math.min(submissions.size(), from + BATCH_TRANSACTION));
            stored += transactions.run(part.size() + " past responses", () -> intake.keepAsHistory(part));
        }
        return stored;
    }

    private Optional<IntakeResult> one(ResponseSubmission submission) {
        try {
            return Optional.of(receive(submission));
        } catch (RuntimeException failed) {
            log.error(
                    "Response {}/{} of a batch could not be stored",
                    submission.source(),
                    submission.sourceEventId(),
                    failed);
            return Optional.empty();
        }
    }
}
