package dev.loopkeeper.outreach;

import java.util.Map;

/**
 * Something staff may want to hear of, raised where it happens; {@code bpmn/alert-policy.dmn} decides who hears of
 * it, on which channel, and whether at once or in their digest ({@link StaffAlerts#raise}).
 *
 * @param event      what happened: {@link #CASE_OPENED}, {@link #BREACH}, {@link #ESCALATION}
 * @param kind       the in-app alert's kind, e.g. {@code new-case}, {@code sla-breach}
 * @param ownerGroup the case's owner group, for rules whose recipient is {@code owner-group}
 * @param assignee   who holds the task the event is about, if anyone, for rules whose recipient is {@code assignee}
 */
public record AlertEvent(
        String event,
        DeliveryKey key,
        String kind,
        String ownerGroup,
        String assignee,
        Facts facts,
        String subject,
        String body) {

    public static final String CASE_OPENED = "case-opened";
    public static final String BREACH = "breach";
    public static final String ESCALATION = "escalation";
    public static final String SLA_WARNING = "sla-warning";

    /** An event about no task anyone holds. */
    public AlertEvent(
            String event, DeliveryKey key, String kind, String ownerGroup, Facts facts, String subject, String body) {
        this(event, key, kind, ownerGroup, null, facts, subject, body);
    }

    /**
     * What the policy's rules may test. Strings are empty rather than null, so that "any" rules match them.
     *
     * @param comment    the customer's comment; empty where the raiser does not load it (breaches)
     * @param properties the response's properties; a {@code property} recipient names one of them
     */
    public record Facts(
            String segment,
            Integer score,
            String customerTier,
            Double lifetimeValue,
            String region,
            String product,
            String comment,
            Map<String, String> properties) {

        public Facts {
            segment = orEmpty(segment);
            customerTier = orEmpty(customerTier);
            region = orEmpty(region);
            product = orEmpty(product);
            comment = orEmpty(comment);
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }
}
