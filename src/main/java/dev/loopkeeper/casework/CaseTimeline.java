package dev.loopkeeper.casework;

import dev.loopkeeper.casework.domain.CaseComments;
import dev.loopkeeper.casework.domain.CaseRepeats;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.ContactAttempts;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.Resolutions;
import dev.loopkeeper.insight.CaseThemes;
import dev.loopkeeper.insight.ThemeView;
import dev.loopkeeper.insight.Themes;
import dev.loopkeeper.intake.CustomerHistory;
import dev.loopkeeper.intake.PastResponse;
import dev.loopkeeper.outreach.Delivery;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case as the case screen shows it: the case, the customer's history, and the loop so far. A case comes
 * only to those who may see it ({@link CaseAccess}), as a {@link CaseFile}; the rest is asked for with that
 * file in hand, and the customer's other cases are limited to those the same person may see.
 */
@Service
@Transactional(readOnly = true)
public class CaseTimeline {

    private final Cases cases;
    private final ContactAttempts attempts;
    private final Resolutions resolutions;
    private final CaseComments comments;
    private final CaseRepeats repeats;
    private final Outreach outreach;
    private final CustomerHistory history;
    private final List<TimelineContributor> contributors;
    private final ManagementService management;
    private final CaseAccess access;
    private final Themes themes;
    private final CaseThemes caseThemes;

    CaseTimeline(
            Cases cases,
            ContactAttempts attempts,
            Resolutions resolutions,
            CaseComments comments,
            CaseRepeats repeats,
            Outreach outreach,
            CustomerHistory history,
            List<TimelineContributor> contributors,
            ManagementService management,
            CaseAccess access,
            Themes themes,
            CaseThemes caseThemes) {
        this.cases = cases;
        this.attempts = attempts;
        this.resolutions = resolutions;
        this.comments = comments;
        this.repeats = repeats;
        this.outreach = outreach;
        this.history = history;
        this.contributors = contributors;
        this.management = management;
        this.access = access;
        this.themes = themes;
        this.caseThemes = caseThemes;
    }

    /** The case, if it exists and the actor may see it; the same empty answer for both. */
    public Optional<CaseFile> file(UUID caseId, Actor actor) {
        return access.visibleTo(caseId, actor) ? cases.findById(caseId).map(CaseTimeline::file) : Optional.empty();
    }

    /**
     * The customer's responses over time, this one included, oldest first: those whose cases the actor may
     * see (a response and its case share their id).
     */
    public List<PastResponse> responsesOfCustomer(CaseFile file, Actor actor) {
        return visibleResponses(history.responsesOf(file.customer().externalId()), actor);
    }

    /** Every response of the customer the actor may see, oldest first: the customer's page. */
    public List<PastResponse> responsesOfCustomer(String customerExternalId, Actor actor) {
        return visibleResponses(history.allResponsesOf(customerExternalId), actor);
    }

    /** Those whose case the actor may see, and those from the past that opened none (nothing to hide there). */
    private List<PastResponse> visibleResponses(List<PastResponse> responses, Actor actor) {
        Set<UUID> visible = access.visibleAmong(
                responses.stream()
                        .filter(r -> !r.history())
                        .map(PastResponse::responseId)
                        .toList(),
                actor);
        return responses.stream()
                .filter(r -> r.history() || visible.contains(r.responseId()))
                .toList();
    }

    /** The kinds of timeline entries that are a contact with the customer: calls, messages, their replies. */
    private static final Set<String> CONTACTS = Set.of("attempt", "email", "sms", "reply");

    /** A timeline entry of one of the customer's cases. */
    public record CaseEntry(UUID caseId, TimelineEntry entry) {}

    /**
     * Every contact attempt and message of the customer's cases that the actor may see, newest first: what the
     * customer has already been through when they call.
     */
    public List<CaseEntry> contactsWithCustomer(List<UUID> visibleCaseIds) {
        List<CaseEntry> entries = new ArrayList<>();
        for (UUID caseId : visibleCaseIds) {
            cases.findById(caseId)
                    .ifPresent(c -> of(file(c)).stream()
                            .filter(e -> CONTACTS.contains(e.kind()))
                            .forEach(e -> entries.add(new CaseEntry(caseId, e))));
        }
        entries.sort(
                Comparator.comparing((CaseEntry e) -> e.entry().at(), Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }

    /** The customer's other cases that the actor may see, newest first. */
    public List<CaseFile.Earlier> otherCasesOfCustomer(CaseFile file, Actor actor) {
        List<FollowUpCase> others = cases.findTop20ByCustomerExternalIdAndIdNotOrderByOpenedAtDesc(
                file.customer().externalId(), file.caseId());
        Set<UUID> visible =
                access.visibleAmong(others.stream().map(FollowUpCase::getId).toList(), actor);
        return others.stream()
                .filter(c -> visible.contains(c.getId()))
                .map(c -> new CaseFile.Earlier(
                        c.getId(), c.getOpenedAt(), c.getScore(), c.getSegment(), c.getStatus(), c.getClosedAs()))
                .toList();
    }

    /** The themes the case's response speaks of, as keywords found them or an agent decided. */
    public List<CaseThemes.Tag> themesOf(CaseFile file) {
        return caseThemes.of(file.caseId());
    }

    /** Every theme an agent can choose from. */
    public List<ThemeView> themes() {
        return themes.list();
    }

    /**
     * The agent who resolves the case decides its themes: whoever holds its "Log resolution" task, or logged its
     * resolution; and supervisors.
     */
    public boolean mayJudgeThemes(CaseFile file, Actor actor, List<TaskRow> openTasks) {
        return actor.oversees()
                || openTasks.stream()
                        .anyMatch(t -> ClosedLoop.LOG_RESOLUTION.equals(t.taskKey()) && t.isAssignedTo(actor.userId()))
                || resolutions
                        .findByCaseId(file.caseId())
                        .map(r -> actor.userId().equals(r.getLoggedBy()))
                        .orElse(false);
    }

    /** The agent's themes for the case replace what keywords found; refused to anyone else. */
    @Transactional
    public void judgeThemes(CaseFile file, Set<UUID> themeIds, Actor actor, List<TaskRow> openTasks) {
        if (!mayJudgeThemes(file, actor, openTasks)) {
            throw new IllegalArgumentException("Only the agent who resolves the case decides its themes");
        }
        caseThemes.judge(file.caseId(), themeIds, actor);
    }

    /** The customer's comment in pieces, each with the theme it speaks of, if any. */
    public List<Themes.Span> highlightedComment(CaseFile file) {
        return themes.highlight(file.comment());
    }

    /**
     * When the case's next contact attempt is due, if it waits for one: the retry timer of the loop (a reply
     * from the customer brings it forward).
     */
    public Optional<Instant> nextAttemptDue(CaseFile file) {
        return cases.findById(file.caseId())
                .map(FollowUpCase::getProcessInstanceId)
                .flatMap(pi -> Optional.ofNullable(management
                        .createJobQuery()
                        .processInstanceId(pi)
                        .activityId(ClosedLoop.RETRY_DUE)
                        .timers()
                        .singleResult()))
                .map(job -> job.getDuedate().toInstant());
    }

    /** Everything that happened to the case, oldest first. */
    public List<TimelineEntry> of(CaseFile file) {
        UUID caseId = file.caseId();
        FollowUpCase c = cases.findById(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(
                        c.getOpenedAt(),
                        "response",
                        "Response received: " + c.getScore() + " ("
                                + c.getSegment().key() + ")",
                        c.getSource(),
                        null)
                .saying(
                        Words.of(
                                "casework.timeline.response",
                                c.getScore(),
                                Words.of(
                                        "sharedkernel.segment." + c.getSegment().key())),
                        null));
        attempts.findByCaseIdOrderByAttemptNo(caseId)
                .forEach(a -> entries.add(new TimelineEntry(
                                a.getAttemptedAt(),
                                "attempt",
                                "Attempt " + a.getAttemptNo() + " by "
                                        + a.getChannel().key() + ": "
                                        + a.getOutcome().label().toLowerCase()
                                        + (a.getRemedyType() == null
                                                ? ""
                                                : "; remedy: " + a.getRemedyType() + " "
                                                        + a.getRemedyAmount().toPlainString()),
                                a.getNotes(),
                                a.getAgent())
                        .saying(attemptWords(a), null)));
        repeats.findByCaseIdOrderByReceivedAt(caseId)
                .forEach(r -> entries.add(new TimelineEntry(
                                r.getReceivedAt(),
                                "response",
                                "Scored " + r.getScore() + " again: joined this case, priority raised",
                                r.getComment(),
                                null)
                        .saying(Words.of("casework.timeline.repeat", r.getScore()), null)));
        if (c.getPromisedContactAt() != null) {
            entries.add(new TimelineEntry(
                            c.getFirstContactAt(),
                            "attempt",
                            "Next contact promised for " + c.getPromisedContactAt(),
                            "Point of contact: " + c.getPointOfContact(),
                            c.getContactAgent())
                    .saying(
                            Words.of("casework.timeline.promised", c.getPromisedContactAt()),
                            Words.of("casework.timeline.point-of-contact", c.getPointOfContact())));
        }
        comments.findByCaseIdOrderByWrittenAt(caseId)
                .forEach(comment -> entries.add(new TimelineEntry(
                                comment.getWrittenAt(), "comment", "Comment", comment.getBody(), comment.getAuthor())
                        .saying(Words.of("casework.timeline.comment"), null)));
        resolutions
                .findByCaseId(caseId)
                .ifPresent(r -> entries.add(new TimelineEntry(
                                r.getLoggedAt(),
                                "resolution",
                                "Resolution: " + r.getRootCause() + (r.isSystemic() ? " (systemic)" : ""),
                                r.getSummary()
                                        + (r.getWhys().isEmpty() ? "" : "\nWhy? " + String.join(" → ", r.getWhys())),
                                r.getLoggedBy())
                        .saying(
                                Words.of(
                                        r.isSystemic()
                                                ? "casework.timeline.resolution-systemic"
                                                : "casework.timeline.resolution",
                                        r.getRootCause()),
                                r.getWhys().isEmpty()
                                        ? null
                                        : Words.of(
                                                "casework.timeline.resolution-whys",
                                                r.getSummary(),
                                                String.join(" → ", r.getWhys())))));
        for (Delivery d : outreach.deliveriesOf(caseId)) {
            entries.add(new TimelineEntry(
                            d.lastAttemptAt(),
                            d.channel().key(),
                            (d.step() == null
                                            ? switch (d.channel()) {
                                                case SLACK, TEAMS -> "Alert post";
                                                case HELP_DESK -> "Help-desk ticket";
                                                default -> "Alert email";
                                            }
                                            : d.step().name().charAt(0)
                                                    + d.step()
                                                            .name()
                                                            .substring(1)
                                                            .toLowerCase()
                                                            .replace('_', ' '))
                                    + " to " + d.recipient() + ": "
                                    + d.status().name().toLowerCase()
                                    + (d.attempts() > 1 ? " after " + d.attempts() + " attempts" : ""),
                            d.lastError(),
                            null)
                    .saying(deliveryWords(d), null));
        }
        outreach.alertsOf(caseId)
                .forEach(a -> entries.add(new TimelineEntry(
                                a.createdAt(),
                                "alert",
                                "Alert to " + (a.userId() != null ? a.userId() : a.group()) + ": " + a.subject(),
                                null,
                                null)
                        .saying(
                                Words.of(
                                        "casework.timeline.alert",
                                        a.userId() != null ? a.userId() : a.group(),
                                        a.subject()),
                                null)));
        contributors.forEach(contributor -> entries.addAll(contributor.entriesFor(caseId)));
        if (c.getLastReplyAt() != null) {
            entries.add(new TimelineEntry(c.getLastReplyAt(), "reply", "The customer asked to be contacted", null, null)
                    .saying(Words.of("casework.timeline.reply"), null));
        }
        if (c.getClosedAt() != null) {
            Words outcome = Words.of("casework.closed-as." + c.getClosedAs().key());
            entries.add(new TimelineEntry(
                            c.getClosedAt(),
                            "closed",
                            "Closed as " + c.getClosedAs().key()
                                    + (c.getClosedReason() == null ? "" : ": " + c.getClosedReason()),
                            null,
                            null)
                    .saying(
                            c.getClosedReason() == null
                                    ? Words.of("casework.timeline.closed", outcome)
                                    : Words.of("casework.timeline.closed-because", outcome, c.getClosedReason()),
                            null));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    private static CaseFile file(FollowUpCase c) {
        return new CaseFile(
                c.getId(),
                c.getStatus(),
                c.getClosedAs(),
                c.getSegment(),
                c.getScore(),
                c.getComment(),
                c.getSource(),
                c.getRespondedAt(),
                c.getOpenedAt(),
                c.getFirstContactAt(),
                c.getClosedAt(),
                c.getLastContactOutcome(),
                c.getContactAgent(),
                new CaseFile.Customer(
                        c.getCustomerExternalId(),
                        c.getCustomerName(),
                        c.getCustomerEmail(),
                        c.getCustomerPhone(),
                        c.getPreferredChannel(),
                        c.getCustomerTier()),
                c.getRegion(),
                c.getLocation(),
                c.getProduct(),
                c.getImprovementActionId());
    }

    /** "Attempt 2 by phone: no answer", with the remedy when there was one, in the reader's words. */
    static Words attemptWords(dev.loopkeeper.casework.domain.ContactAttempt a) {
        Words channel =
                Words.of("casework.channel.in-sentence." + a.getChannel().key());
        Words outcome =
                Words.of("casework.timeline.contact-outcome." + a.getOutcome().key());
        return a.getRemedyType() == null
                ? Words.of("casework.timeline.attempt", a.getAttemptNo(), channel, outcome)
                : Words.of(
                        "casework.timeline.attempt-remedy",
                        a.getAttemptNo(),
                        channel,
                        outcome,
                        a.getRemedyType(),
                        a.getRemedyAmount().toPlainString());
    }

    /** "Acknowledgement to dana@example.com: sent", and how many attempts it took when more than one. */
    static Words deliveryWords(Delivery d) {
        Words message = Words.of(
                d.step() == null
                        ? "casework.timeline.message." + d.channel().key()
                        : "casework.timeline.step." + d.step().key());
        Words status = Words.of(
                "casework.timeline.delivery-status." + d.status().name().toLowerCase());
        return d.attempts() > 1
                ? Words.of("casework.timeline.delivery-attempts", message, d.recipient(), status, d.attempts())
                : Words.of("casework.timeline.delivery", message, d.recipient(), status);
    }
}
