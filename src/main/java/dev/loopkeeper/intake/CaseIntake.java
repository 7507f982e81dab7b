package dev.loopkeeper.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private final Intake intake;
    private final IntakeTransactions transactions;

    CaseIntake(Intake intake, IntakeTransactions transactions) {
        this.intake = intake;
        this.transactions = transactions;
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
