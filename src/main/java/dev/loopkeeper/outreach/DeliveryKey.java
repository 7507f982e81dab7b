package dev.loopkeeper.outreach;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names one message or alert for good: outreach sends a key once, however often a job is retried. It says what
 * the message is about and which step sends it, e.g. {@code case:<id>:acknowledgement}.
 *
 * @param caseId the case the message is about, if any
 */
public record DeliveryKey(String value, UUID caseId) {

    /** A message about a case, at a step, with what tells this one from the step's others (an attempt number). */
    public static DeliveryKey ofCase(UUID caseId, String step, Object... detail) {
        return new DeliveryKey(join("case:" + caseId, step, detail), caseId);
    }

    /** A message about an improvement action, which no single case owns. */
    public static DeliveryKey ofImprovement(UUID actionId, String step, Object... detail) {
        return new DeliveryKey(join("improvement:" + actionId, step, detail), null);
    }

    /** A message of a survey invitation, before any case exists. */
    public static DeliveryKey ofSurvey(UUID invitationId, String step, Object... detail) {
        return new DeliveryKey(join("survey:" + invitationId, step, detail), null);
    }

    /** One of several messages under this key, e.g. one per addressee. */
    public DeliveryKey and(Object part) {
        return new DeliveryKey(value + ":" + part, caseId);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String join(String subject, String step, Object... detail) {
        return Stream.concat(Stream.of(subject, step), Arrays.stream(detail).map(String::valueOf))
                .collect(Collectors.joining(":"));
    }
}
