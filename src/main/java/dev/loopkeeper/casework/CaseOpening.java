package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.intake.FeedbackReceived;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every stored response and starts its closed loop; a returning customer's low score joins their
 * open case instead ({@link RepeatDetractors}). Runs synchronously inside the intake transaction: if the process
 * cannot start, the response is not stored either.
 */
@Component
class CaseOpening {

    /** The response property by which a survey says whether we may contact the customer: {@code yes} or {@code no}. */
    static final String MAY_CONTACT = "may-contact";

    private final CaseProgress progress;
    private final RuntimeService runtime;
    private final RepeatDetractors repeats;
    private final CaseworkSettings settings;

    CaseOpening(CaseProgress progress, RuntimeService runtime, RepeatDetractors repeats, CaseworkSettings settings) {
        this.progress = progress;
        this.runtime = runtime;
        this.repeats = repeats;
        this.settings = settings;
    }

    /** First among the listeners, so that a later listener's failure also undoes the started process. */
    @EventListener
    @Order(0)
    void on(FeedbackReceived response) {
        if (response.joins() != null) {
            repeats.joined(response);
            return;
        }
        UUID caseId = progress.open(response);
        CaseworkSettings.IdleClaim idleClaim =
                settings.idleClaimOf(response.segment().key());
        VariableMap variables = Variables.createVariables()
                .putValue(Vars.CASE_ID, caseId.toString())
                .putValue(Vars.SEGMENT, response.segment().key())
                .putValue(Vars.SCORE, response.score())
                .putValue(
                        Vars.CUSTOMER_TIER, orEmpty(response.customer().tier()).toLowerCase())
                .putValue(
                        Vars.LIFETIME_VALUE,
                        response.customer().lifetimeValue() == null
                                ? null
                                : response.customer().lifetimeValue().doubleValue())
                .putValue(Vars.REGION, orEmpty(response.properties().get("region")))
                .putValue(Vars.PRODUCT, orEmpty(response.properties().get("product")))
                .putValue(Vars.TOUCHPOINT, orEmpty(response.touchpoint()).toLowerCase())
                .putValue(
                        Vars.CONTACT_CONSENT,
                        !"no"
                                .equalsIgnoreCase(orEmpty(response.properties().get(MAY_CONTACT))
                                        .strip()))
                .putValue(Vars.ATTEMPTS, 0)
                .putValue(Vars.INVALID_CHANNELS, "")
                .putValue(Vars.CONTACT_ASSIGNEE, null)
                .putValue(Vars.CONTACT_AGENT, null)
                .putValue(Vars.FIX_CHASE_AFTER, settings.fixChaseAfter().toString())
                .putValue(Vars.CLAIM_IDLE_AFTER, idleClaim.after().toString())
                .putValue(Vars.CLAIM_IDLE_TO, idleClaim.to().key());
        String processInstanceId;
        try {
            processInstanceId = runtime.startProcessInstanceByKey(ClosedLoop.PROCESS_ID, caseId.toString(), variables)
                    .getId();
        } catch (OptimisticLockingException raced) {
            // The engine's word for a concurrent write; in Spring's words intake knows to run it again
            throw new OptimisticLockingFailureException(
                    "Starting the loop of case " + caseId + " met a concurrent change", raced);
        }
        progress.drivenBy(caseId, processInstanceId);
        repeats.opened(caseId, response);
    }

    /** The policy table compares strings; an empty string matches "any" rules where null would not. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
