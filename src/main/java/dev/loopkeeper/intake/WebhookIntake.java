package dev.loopkeeper.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.intake.domain.ResponseRows;
import dev.loopkeeper.intake.domain.WebhookDeliveryRows;
import dev.loopkeeper.intake.domain.WebhookDeliveryRows.Delivery;
import dev.loopkeeper.intake.domain.WebhookSecretRows;
import dev.loopkeeper.sharedkernel.web.ApiInput;
import dev.loopkeeper.sharedkernel.web.FieldProblem;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Responses pushed by survey tools: Standard Webhooks signed deliveries of our own format, and Delighted's webhook.
 * A delivery is taken only with a valid signature from a secret of its source ({@link WebhookSecrets}); its id is
 * recorded in the same transaction as the response, so that on every node a replay is refused and a retry of a
 * delivery already taken is answered with what it did, without a second case.
 */
@Service
public class WebhookIntake {

    /** The length of the column that remembers a delivery's id (V13_1__intake_sources.sql). */
    static final int MAX_DELIVERY_ID = 200;

    /** What a delivery did. {@code revised}: a survey tool's update changed a stored response. */
    public record Taken(IntakeResult result, boolean revised) {}

    private final WebhookSecretRows secrets;
    private final WebhookDeliveryRows deliveries;
    private final ResponseRows responses;
    private final Intake intake;
    private final IntakeTransactions transactions;
    private final ApiInput input;
    private final ApplicationEventPublisher events;
    private final IntakeSettings settings;
    private final DelightedMapping delighted;
    private final ObjectMapper lenient;
    private final Clock clock;

    WebhookIntake(
            WebhookSecretRows secrets,
            WebhookDeliveryRows deliveries,
            ResponseRows responses,
            Intake intake,
            IntakeTransactions transactions,
            ApiInput input,
            ApplicationEventPublisher events,
            IntakeSettings settings,
            ObjectMapper json,
            Clock clock) {
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.responses = responses;
        this.intake = intake;
        this.transactions = transactions;
        this.input = input;
        this.events = events;
        this.settings = settings;
        this.delighted = new DelightedMapping(settings.delighted());
        this.lenient = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
    }

    /**
     * A Standard Webhooks delivery whose body is one response in our format, from the source in its address.
     *
     * @throws WebhookRefused   for a missing or wrong signature, a timestamp outside the window, or a replay
     * @throws InvalidSubmission for a body our API would refuse
     */
    public IntakeResult standard(String source, String id, String timestamp, String signature, byte[] body) {
        Signatures.verifyStandard(
                id, timestamp, signature, body, secretsOf(source), clock.instant(), settings.webhookTolerance());
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        if (id.length() > MAX_DELIVERY_ID) {
            throw new InvalidSubmission(input.invalid(List.of(new FieldProblem("webhook-id", tooLong(id)))));
        }
        ApiInput.Checked<ResponseSubmission> read = input.read(body, ResponseSubmission.class);
        if (!read.valid()) {
            throw new InvalidSubmission(read.problem());
        }
        ResponseSubmission submission = read.value();
        if (!source.equals(submission.source())) {
            throw new InvalidSubmission(input.invalid(List.of(new FieldProblem(
                    "source",
                    "must be " + source + ", the source this webhook is signed for"
                            + ApiInput.was(submission.source())))));
        }
        return transactions.run(source + " delivery " + id, () -> {
            Optional<Delivery> seen = deliveries.find(source, id);
            if (seen.isPresent()) {
                if (sentAt.equals(seen.get().sentAt())) {
                    throw new WebhookRefused("This delivery (webhook-id " + id + ", sent at " + sentAt
                            + ") was taken before: a replay is refused");
                }
                // The sender's retry of a delivery we took: same id, a new attempt's timestamp and signature
                return new IntakeResult(seen.get().responseId(), false);
            }
            IntakeResult result = intake.receive(List.of(submission)).get(0);
            deliveries.insert(new Delivery(source, id, sentAt, result.caseId()), clock.instant());
            return result;
        });
    }

    /**
     * A Delighted webhook. A new survey response opens its case; an update of one we have changes its score and
     * comment (the case stays, and its timeline shows the change); the same event again changes nothing.
     *
     * @return empty for an event that is not about an NPS response (unsubscribes, CSAT surveys): nothing to do
     * @throws WebhookRefused   for a missing or wrong signature
     * @throws InvalidSubmission for a payload that is not JSON or lacks what a response needs
     */
    public Optional<Taken> delighted(String signature, byte[] body) {
        String source = settings.delighted().source();
        Signatures.verifyDelighted(signature, body, secretsOf(source));
        DelightedEvent event;
        try {
            event = lenient.readValue(body, DelightedEvent.class);
        } catch (IOException unreadable) {
            ApiInput.Checked<DelightedEvent> strict = input.read(body, DelightedEvent.class);
            throw new InvalidSubmission(
                    strict.problem() != null
                            ? strict.problem()
                            : input.invalid(List.of(new FieldProblem("", "is not a Delighted webhook"))));
        }
        if (event == null || event.eventType() == null || event.eventType().isBlank()) {
            throw new InvalidSubmission(input.invalid(List.of(new FieldProblem(
                    "event_type",
                    "must not be blank: a Delighted webhook " + "says what happened, such as "
                            + DelightedEvent.CREATED))));
        }
        if (!event.isSurveyResponse()) {
            return Optional.empty();
        }
        if (event.data() == null) {
            throw new InvalidSubmission(
                    input.invalid(List.of(new FieldProblem("event_data", "must be the survey response"))));
        }
        if (event.data().surveyType() != null && !"nps".equals(event.data().surveyType())) {
            return Optional.empty();
        }
        DelightedMapping.Mapped mapped = delighted.map(event, clock.instant());
        List<FieldProblem> problems = new ArrayList<>(mapped.problems());
        ApiInput.Checked<ResponseSubmission> checked = input.check(mapped.submission());
        problems.addAll(checked.problems());
        if (event.eventId() == null || event.eventId().isBlank()) {
            problems.add(new FieldProblem("event_id", "must not be blank"));
        } else if (event.eventId().length() > MAX_DELIVERY_ID) {
            problems.add(new FieldProblem("event_id", tooLong(event.eventId())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(input.invalid(delighted.inTheirTerms(problems)));
        }
        ResponseSubmission submission = checked.value();
        return Optional.of(transactions.run("Delighted event " + event.eventId(), () -> {
            Optional<Delivery> seen = deliveries.find(source, event.eventId());
            if (seen.isPresent()) {
                return new Taken(new IntakeResult(seen.get().responseId(), false), false);
            }
            Taken taken = takeOrRevise(submission, mapped.updatedAt());
            deliveries.insert(
                    new Delivery(source, event.eventId(), null, taken.result().caseId()), clock.instant());
            return taken;
        }));
    }

    private Taken takeOrRevise(ResponseSubmission submission, Instant updatedAt) {
        Optional<ResponseRows.Current> stored =
                responses.lockedCurrent(submission.source(), submission.sourceEventId());
        if (stored.isEmpty()) {
            return new Taken(intake.receive(submission, updatedAt), false);
        }
        ResponseRows.Current current = stored.get();
        boolean newer =
                updatedAt == null || current.sourceUpdatedAt() == null || updatedAt.isAfter(current.sourceUpdatedAt());
        boolean changes =
                current.score() != submission.score() || !Objects.equals(current.comment(), submission.comment());
        if (!newer || !changes) {
            return new Taken(new IntakeResult(current.caseId(), false), false);
        }
        Instant now = clock.instant();
        responses.revise(current, submission.score(), submission.comment(), updatedAt, now);
        events.publishEvent(new FeedbackRevised(
                current.id(), now, current.score(), submission.score(), current.comment(), submission.comment()));
        return new Taken(new IntakeResult(current.caseId(), false), true);
    }

    private static String tooLong(String id) {
        return "must be at most " + MAX_DELIVERY_ID + " characters (was " + id.length() + ")";
    }

    private List<String> secretsOf(String source) {
        List<String> known = secrets.secretsOf(source);
        if (known.isEmpty()) {
            throw new WebhookRefused("No webhook secret is configured for the source " + source);
        }
        return known;
    }
}
