package dev.loopkeeper.survey;

import dev.loopkeeper.casework.CaseClosed;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.survey.domain.Invitations;
import dev.loopkeeper.survey.domain.OptOuts;
import dev.loopkeeper.survey.domain.SurveyInvitation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Whether a customer may be surveyed now, and when to ask again after a case: the decisions of
 * {@code bpmn/survey-rules.dmn}, which process owners edit like the follow-up policy. Unsubscribing is not a rule
 * anyone may edit: it always wins.
 */
@Component
public class SurveyRules {

    static final String ELIGIBILITY = "survey-eligibility";
    static final String RESURVEY_AFTER = "resurvey-after";

    private final DecisionService decisions;
    private final Invitations invitations;
    private final OptOuts optOuts;
    private final Casework casework;
    private final Clock clock;

    SurveyRules(DecisionService decisions, Invitations invitations, OptOuts optOuts, Casework casework, Clock clock) {
        this.decisions = decisions;
        this.invitations = invitations;
        this.optOuts = optOuts;
        this.casework = casework;
        this.clock = clock;
    }

    /** @return why the invitation must not go out now, if it must not */
    public Optional<String> whyNot(SurveyInvitation invitation) {
        String customer = invitation.getCustomerExternalId();
        if (optOuts.isOptedOut(customer)) {
            return Optional.of("unsubscribed from surveys");
        }
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("purpose", invitation.getFollowsCaseId() == null ? "invitation" : "resurvey");
        inputs.put("touchpoint", invitation.getTouchpoint());
        DmnDecisionResultEntries rule = decisions
                .evaluateDecisionByKey(ELIGIBILITY)
                .variables(inputs)
                .evaluate()
                .getSingleResult();
        if (rule == null) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(rule.get("skipWhenCaseOpen")) && casework.hasOpenCase(customer)) {
            return Optional.of("the customer has an open case");
        }
        Number quietDays = (Number) rule.get("quietDays");
        if (quietDays != null && quietDays.longValue() > 0) {
            Instant quietSince = clock.instant().minus(Duration.ofDays(quietDays.longValue()));
            Optional<Instant> last = invitations
                    .findFirstByCustomerExternalIdAndSentAtNotNullOrderBySentAtDesc(customer)
                    .map(SurveyInvitation::getSentAt)
                    .filter(sentAt -> sentAt.isAfter(quietSince));
            if (last.isPresent()) {
                return Optional.of("surveyed at " + last.get() + ", within the quiet period of " + quietDays + " days");
            }
        }
        return Optional.empty();
    }

    /** @return how long after the case closed its customer is asked again; empty: not at all */
    public Optional<Duration> resurveyAfter(CaseClosed closed, String touchpoint) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("segment", closed.segment().key());
        inputs.put("outcome", closed.outcome() == null ? null : closed.outcome().key());
        inputs.put("touchpoint", touchpoint);
        DmnDecisionResultEntries rule = decisions
                .evaluateDecisionByKey(RESURVEY_AFTER)
                .variables(inputs)
                .evaluate()
                .getSingleResult();
        Number days = rule == null ? null : (Number) rule.get("resurveyAfterDays");
        return days == null ? Optional.empty() : Optional.of(Duration.ofDays(days.longValue()));
    }
}
