package dev.loopkeeper.intake;

import java.util.List;

/**
 * What a column of a CSV file can hold: each of a response's fields. Every one is optional except the first four (a
 * response needs an id to be imported once, a time, a score and a customer). The aliases are the column names our own
 * layout and Delighted's export use, so that a file of either kind maps itself.
 */
public enum ImportField {
    SOURCE_EVENT_ID(
            "Response id", "sourceEventId", true, List.of("source_event_id", "response_id", "response id", "id")),
    RESPONDED_AT(
            "Responded at",
            "respondedAt",
            true,
            List.of("responded_at", "response_timestamp", "response timestamp", "created_at", "date", "timestamp")),
    SCORE("Score", "score", true, List.of("score", "nps", "nps score")),
    CUSTOMER_ID(
            "Customer id",
            "customer.externalId",
            true,
            List.of("customer_external_id", "customer_id", "customer id", "person_id", "person id", "email")),
    COMMENT("Comment", "comment", false, List.of("comment", "comments", "feedback")),
    TOUCHPOINT("Touchpoint", "touchpoint", false, List.of("touchpoint", "touch_point", "touch point")),
    NAME("Name", "customer.name", false, List.of("customer_name", "name", "person name")),
    EMAIL("Email", "customer.email", false, List.of("customer_email", "email", "email address")),
    PHONE("Phone", "customer.phone", false, List.of("customer_phone", "phone", "phone_number", "phone number")),
    PREFERRED_CHANNEL(
            "Preferred channel",
            "customer.preferredChannel",
            false,
            List.of("customer_preferred_channel", "preferred_channel", "preferred channel")),
    TIER("Tier", "customer.tier", false, List.of("customer_tier", "tier")),
    LIFETIME_VALUE(
            "Lifetime value",
            "customer.lifetimeValue",
            false,
            List.of("customer_lifetime_value", "lifetime_value", "lifetime value", "ltv"));

    private final String label;
    private final String field;
    private final boolean required;
    private final List<String> aliases;

    ImportField(String label, String field, boolean required, List<String> aliases) {
        this.label = label;
        this.field = field;
        this.required = required;
        this.aliases = aliases;
    }

    public String label() {
        return label;
    }

    /** The field of a response it fills, as problems name it ({@code customer.email}). */
    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    List<String> aliases() {
        return aliases;
    }
}
