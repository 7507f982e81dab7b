package dev.loopkeeper.integrations;

import dev.loopkeeper.casework.CaseClosed;
import dev.loopkeeper.casework.CaseContacted;
import dev.loopkeeper.casework.CaseOpened;
import dev.loopkeeper.casework.CaseOutcome;
import dev.loopkeeper.insight.FixReleased;
import dev.loopkeeper.outreach.OutreachSettings;
import dev.loopkeeper.sla.SlaBreached;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Case events as outbound webhooks. Each listener runs inside the transaction that published the event, so the
 * delivery is in the outbox exactly when the event's change is in the database.
 */
@Component
class CaseEventWebhooks {

    private final WebhookDeliveries deliveries;
    private final OutreachSettings links;

    CaseEventWebhooks(WebhookDeliveries deliveries, OutreachSettings links) {
        this.deliveries = deliveries;
        this.links = links;
    }

    @EventListener
    void on(CaseOpened opened) {
        Map<String, Object> data = caseData(opened.caseId());
        data.put("segment", opened.segment().key());
        data.put("score", opened.score());
        data.put("customerId", opened.customerExternalId());
        data.put("region", opened.region());
        data.put("product", opened.product());
        data.put("comment", opened.comment());
        data.put("openedAt", opened.openedAt().toString());
        deliveries.enqueue(WebhookEvent.CASE_OPENED, opened.caseId(), data);
    }

    @EventListener
    void on(CaseContacted contacted) {
        Map<String, Object> data = caseData(contacted.caseId());
        data.put("attempt", contacted.attempt());
        data.put("channel", contacted.channel().key());
        data.put("outcome", contacted.outcome().name().toLowerCase().replace('_', '-'));
        data.put("agent", contacted.agent());
        data.put("at", contacted.at().toString());
        deliveries.enqueue(WebhookEvent.CASE_CONTACTED, contacted.caseId(), data);
    }

    @EventListener
    void on(SlaBreached breached) {
        Map<String, Object> data = caseData(breached.caseId());
        data.put("breachId", breached.breachId().toString());
        data.put("step", breached.step());
        data.put("segment", breached.segment());
        data.put("dueAt", breached.dueAt() == null ? null : breached.dueAt().toString());
        data.put("breachedAt", breached.breachedAt().toString());
        deliveries.enqueue(
                breached.escalation() ? WebhookEvent.CASE_ESCALATED : WebhookEvent.CASE_BREACHED,
                breached.caseId(),
                data);
    }

    /** Resolved cases only: a promoter thanked or a customer never reached is not a resolution. */
    @EventListener
    void on(CaseClosed closed) {
        if (closed.outcome() != CaseOutcome.RESOLVED) {
            return;
        }
        Map<String, Object> data = caseData(closed.caseId());
        data.put("segment", closed.segment().key());
        data.put("score", closed.score());
        data.put("customerId", closed.customerExternalId());
        data.put("closedAt", closed.closedAt().toString());
        deliveries.enqueue(WebhookEvent.CASE_RESOLVED, closed.caseId(), data);
    }

    @EventListener
    void on(FixReleased fix) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("improvementActionId", fix.actionId().toString());
        data.put("title", fix.title());
        data.put("releasedAt", fix.at().toString());
        deliveries.enqueue(WebhookEvent.FIX_RELEASED, null, data);
    }

    private Map<String, Object> caseData(UUID caseId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", caseId.toString());
        data.put("url", links.publicUrl().toString().replaceAll("/+$", "") + "/cases/" + caseId);
        return data;
    }
}
