package dev.loopkeeper.integrations;

import java.util.Arrays;
import java.util.Optional;

/** The case events a subscription may hear of, named as Standard Webhooks payloads name their {@code type}. */
public enum WebhookEvent {
    CASE_OPENED("case.opened", "A response opened a case"),
    CASE_CONTACTED("case.contacted", "An agent recorded an attempt to reach the customer"),
    CASE_BREACHED("case.breached", "A step's SLA ran out"),
    CASE_ESCALATED("case.escalated", "The supervisors' review of a breach ran out"),
    CASE_RESOLVED("case.resolved", "A case closed with its resolution logged"),
    FIX_RELEASED("fix.released", "An improvement action's fix was released"),
    /** What "Send test" sends; nobody subscribes to it. */
    TEST("webhook.test", "A test from the Integrations screen");

    private final String type;
    private final String description;

    WebhookEvent(String type, String description) {
        this.type = type;
        this.description = description;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
