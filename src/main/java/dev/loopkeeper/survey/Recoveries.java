package dev.loopkeeper.survey;

import dev.loopkeeper.casework.TimelineContributor;
import dev.loopkeeper.casework.TimelineEntry;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.survey.domain.Invitations;
import dev.loopkeeper.survey.domain.SurveyInvitation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery on the case screen: on a closed case, its re-survey (scheduled, sent, skipped, or answered with the score
 * before → after); on the case a re-survey answer opened, the case it follows. The rows (follows_case_id,
 * follows_score, score, case_id) are what recovery reports count.
 */
@Component
class Recoveries implements TimelineContributor {

    private final Invitations invitations;

    Recoveries(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entriesFor(UUID caseId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (SurveyInvitation resurvey : invitations.findByFollowsCaseIdOrderByCreatedAtDesc(caseId)) {
            entries.add(new TimelineEntry(
                            resurvey.getSendAfter(),
                            "survey",
                            "Re-survey " + stateOf(resurvey),
                            resurvey.getReason(),
                            null)
                    .saying(Words.of("survey.timeline.resurvey." + stateOf(resurvey)), null));
            if (resurvey.isAnswered()) {
                entries.add(new TimelineEntry(
                                resurvey.getAnsweredAt(),
                                "survey",
                                "Recovery: " + change(resurvey),
                                "The re-survey's answer opened case " + resurvey.getCaseId(),
                                null)
                        .saying(
                                changeWords("survey.timeline.recovery", resurvey),
                                Words.of("survey.timeline.opened-case", resurvey.getCaseId())));
            }
        }
        invitations
                .findFirstByCaseId(caseId)
                .filter(answer -> answer.getFollowsCaseId() != null)
                .ifPresent(answer -> entries.add(new TimelineEntry(
                                answer.getAnsweredAt(),
                                "survey",
                                "Re-survey answer: " + change(answer),
                                "Follows case " + answer.getFollowsCaseId(),
                                null)
                        .saying(
                                changeWords("survey.timeline.answer", answer),
                                Words.of("survey.timeline.follows-case", answer.getFollowsCaseId()))));
        return entries;
    }

    /** {@code 3 → 9 (detractor → promoter)} */
    static String change(SurveyInvitation answered) {
        Segment before = Segment.of(answered.getFollowsScore());
        Segment after = Segment.of(answered.getScore());
        return answered.getFollowsScore() + " → " + answered.getScore() + " (" + before.key() + " → " + after.key()
                + ")";
    }

    /** The change as a screen says it: scores as they are, segments in the reader's words. */
    private static Words changeWords(String key, SurveyInvitation answered) {
        return Words.of(
                key,
                String.valueOf(answered.getFollowsScore()),
                String.valueOf(answered.getScore()),
                Words.of("sharedkernel.segment."
                        + Segment.of(answered.getFollowsScore()).key()),
                Words.of("sharedkernel.segment."
                        + Segment.of(answered.getScore()).key()));
    }

    private static String stateOf(SurveyInvitation resurvey) {
        return switch (resurvey.getStatus()) {
            case SCHEDULED -> "scheduled";
            case SENT -> "sent";
            case ANSWERED -> "answered";
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
        };
    }
}
