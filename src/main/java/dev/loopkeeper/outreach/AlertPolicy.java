package dev.loopkeeper.outreach;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The rules of {@code bpmn/alert-policy.dmn} (hit policy COLLECT): every route an event takes to staff. */
@Component
class AlertPolicy {

    static final String DECISION = "alert-policy";

    /** One rule's answer: who, how and when. */
    record Route(String recipientKind, String recipient, String channel, String delivery) {

        boolean immediate() {
            return !"digest".equals(delivery);
        }
    }

    private final DecisionService decisions;

    AlertPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    List<Route> routes(AlertEvent event) {
        AlertEvent.Facts facts = event.facts();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("event", event.event());
        inputs.put("segment", facts.segment());
        inputs.put("score", facts.score());
        inputs.put("customerTier", facts.customerTier());
        inputs.put("lifetimeValue", facts.lifetimeValue());
        inputs.put("region", facts.region());
        inputs.put("product", facts.product());
        inputs.put("comment", facts.comment());
        return decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate().stream()
                .map(rule -> new Route(
                        text(rule.get("recipientKind")),
                        text(rule.get("recipient")),
                        text(rule.get("channel")),
                        text(rule.get("delivery"))))
                .toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
