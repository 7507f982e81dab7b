package dev.loopkeeper.survey;

import dev.loopkeeper.casework.CaseClosed;
import dev.loopkeeper.survey.domain.Invitations;
import dev.loopkeeper.survey.domain.SurveyInvitation;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a case closes, asks its customer again when {@code resurvey-after} says (detractors a month after, passives a
 * quarter, by default): the answer, linked to the case, is what shows whether the loop recovered them. Scheduled in
 * the closing transaction; whether it goes out is decided when it is due, by the same rules as any survey.
 */
@Component
class ReSurveys {

    /** The touchpoint of a re-survey after a case that did not come from one of our surveys. */
    static final String AFTER_A_CASE = "case-follow-up";

    private final Invitations invitations;
    private final SurveyRules rules;
    private final SurveySettings settings;
    private final Clock clock;

    ReSurveys(Invitations invitations, SurveyRules rules, SurveySettings settings, Clock clock) {
        this.invitations = invitations;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(CaseClosed closed) {
        Optional<SurveyInvitation> asked = invitations.findFirstByCaseId(closed.caseId());
        String touchpoint = asked.map(SurveyInvitation::getTouchpoint).orElse(AFTER_A_CASE);
        Optional<Duration> after = rules.resurveyAfter(closed, touchpoint);
        if (after.isEmpty()) {
            return;
        }
        String language = asked.or(() ->
                        invitations.findFirstByCustomerExternalIdOrderByCreatedAtDesc(closed.customerExternalId()))
                .map(SurveyInvitation::getLanguage)
                .orElse(settings.defaultLanguage());
        invitations.save(SurveyInvitation.following(
                closed.caseId(),
                closed.score(),
                new SurveyInvitation.Recipient(
                        closed.customerExternalId(),
                        closed.customerName(),
                        closed.customerEmail(),
                        closed.customerPhone(),
                        closed.preferredChannel(),
                        closed.customerTier(),
                        language),
                touchpoint,
                closed.closedAt().plus(after.get()),
                clock.instant()));
    }
}
