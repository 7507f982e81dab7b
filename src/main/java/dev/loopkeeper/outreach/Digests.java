package dev.loopkeeper.outreach;

import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.identity.StaffMember;
import dev.loopkeeper.outreach.domain.DigestQueue;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ZonePreference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The digest round ({@code bpmn/digest.bpmn} runs it every quarter hour): each recipient whose digest fell due
 * since their alerts were queued (08:00 in their zone; weekly on Mondays) gets one email that sums them up, and
 * whoever's quiet hours ended gets what was held for them. Each email goes once under a key of the recipient and
 * the moment it was due, so a retried round sends nothing twice, and a storm of breaches is one email per person.
 * A digest also says what closed since the one before: the cases of the recipient's groups (all cases for those who
 * oversee casework). A group with a digest of its own ({@link DigestSettings}) gets one the same way, at its address.
 */
@Service
public class Digests {

    /** Lines of each section of a digest; the count says how many more there are. */
    static final int LINES_PER_SECTION = 20;

    static final String CLOSED_SECTION = "What closed";

    private static final Map<String, String> SECTIONS = Map.of(
            AlertEvent.CASE_OPENED, "New cases",
            AlertEvent.SLA_WARNING, "SLAs about to run out",
            AlertEvent.BREACH, "SLA breaches",
            AlertEvent.ESCALATION, "Escalations waiting for a review");

    /** A section of the digest email. */
    public record Section(String title, int count, List<String> lines) {

        public int more() {
            return count - lines.size();
        }
    }

    private final DigestQueue queue;
    private final AlertPreferences preferences;
    private final Outreach outreach;
    private final Directory directory;
    private final ZonePreference zones;
    private final DigestSettings settings;
    private final ObjectProvider<ClosedCases> closedCases;
    private final Clock clock;

    Digests(
            DigestQueue queue,
            AlertPreferences preferences,
            Outreach outreach,
            Directory directory,
            ZonePreference zones,
            DigestSettings settings,
            ObjectProvider<ClosedCases> closedCases,
            Clock clock) {
        this.queue = queue;
        this.preferences = preferences;
        this.outreach = outreach;
        this.directory = directory;
        this.zones = zones;
        this.settings = settings;
        this.closedCases = closedCases;
        this.clock = clock;
    }

    /**
     * Sends every digest and held alert that is due, then marks the alerts in them sent.
     *
     * @return how many emails went out in this round (ones a retried round had sent already included)
     * @throws OutreachFailed if an email could not be sent; the others are sent, and the job's retry sends the rest
     */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        List<String> recipients = queue.recipientsWaiting();
        Map<String, AlertPreference> chosen = preferences.of(recipients);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String recipient : recipients) {
            String group = DigestSettings.groupOf(recipient);
            AlertPreference preference;
            ZoneId zone;
            if (group == null) {
                preference = chosen.getOrDefault(recipient, AlertPreference.defaults(recipient));
                zone = zones.zoneOf(recipient).orElse(StaffAlerts.DEFAULT_ZONE);
            } else {
                // a group whose digest was configured away still gets what was queued for it, daily in UTC
                DigestSettings.GroupDigest digest = settings.of(group);
                preference = new AlertPreference(recipient, digest == null ? null : digest.every(), null, null, null);
                zone = digest == null || digest.zone() == null ? StaffAlerts.DEFAULT_ZONE : digest.zone();
            }
            Instant due = preference.lastDigestDue(now, zone);
            List<DigestQueue.Item> unsent = queue.unsent(recipient);
            List<DigestQueue.Item> digest = unsent.stream()
                    .filter(item -> item.heldUntil() == null && item.queuedAt().isBefore(due))
                    .toList();
            List<DigestQueue.Item> held = unsent.stream()
                    .filter(item ->
                            item.heldUntil() != null && !item.heldUntil().isAfter(now))
                    .toList();
            try {
                if (!digest.isEmpty()) {
                    send("digest:" + recipient + ":" + due, recipient, digest, due, zone, preference, false);
                    sent++;
                }
                if (!held.isEmpty()) {
                    // the earliest end of quiet hours among them: later holds cannot have started before it
                    Instant heldUntil = held.stream()
                            .map(DigestQueue.Item::heldUntil)
                            .min(Comparator.naturalOrder())
                            .orElseThrow();
                    send("held:" + recipient + ":" + heldUntil, recipient, held, heldUntil, zone, preference, true);
                    sent++;
                }
            } catch (OutreachFailed e) {
                failures.add(recipient + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new OutreachFailed("Digests not sent to " + String.join("; ", failures));
        }
        return sent;
    }

    private void send(
            String key,
            String recipient,
            List<DigestQueue.Item> items,
            Instant due,
            ZoneId zone,
            AlertPreference preference,
            boolean held) {
        String group = DigestSettings.groupOf(recipient);
        Optional<StaffMember> member = group == null ? directory.staffMember(recipient) : Optional.empty();
        String address = items.get(items.size() - 1).address();
        boolean weekly = preference.digestEvery() == AlertPreference.Every.WEEKLY;
        List<Section> sections = new ArrayList<>(sections(items));
        if (!held) {
            Instant since = due.atZone(zone).minusDays(weekly ? 7 : 1).toInstant();
            closed(group, member, since, due).ifPresent(sections::add);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("held", held);
        model.put("weekly", weekly);
        model.put("group", group);
        model.put("total", items.size());
        model.put("due", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm").format(due.atZone(zone)));
        model.put("sections", sections);
        outreach.emailDigest(
                key,
                address,
                group != null ? group : member.map(StaffMember::name).orElse(null),
                model);
        queue.markSent(items.stream().map(DigestQueue.Item::id).toList(), clock.instant());
    }

    /**
     * The cases closed since the digest before: the group's, or those of the member's groups (every case for one who
     * oversees casework). Nothing for an address that is no user, and nothing when nothing closed.
     */
    private Optional<Section> closed(String group, Optional<StaffMember> member, Instant since, Instant until) {
        ClosedCases cases = closedCases.getIfAvailable();
        if (cases == null || (group == null && member.isEmpty())) {
            return Optional.empty();
        }
        Set<String> groups;
        if (group != null) {
            groups = Set.of(group);
        } else {
            Actor actor = new Actor(
                    member.get().userId(), directory.groupsOf(member.get().userId()));
            groups = actor.oversees() ? null : actor.groups();
        }
        if (groups != null && groups.isEmpty()) {
            return Optional.empty();
        }
        ClosedCases.Closed closed = cases.between(groups, since, until, LINES_PER_SECTION);
        return closed.count() == 0
                ? Optional.empty()
                : Optional.of(new Section(CLOSED_SECTION, closed.count(), closed.lines()));
    }

    static List<Section> sections(List<DigestQueue.Item> items) {
        Map<String, List<DigestQueue.Item>> byEvent = new LinkedHashMap<>();
        AlertPreferences.EVENTS.forEach(event -> byEvent.put(event, new ArrayList<>()));
        items.forEach(item ->
                byEvent.computeIfAbsent(item.event(), e -> new ArrayList<>()).add(item));
        List<Section> sections = new ArrayList<>();
        byEvent.forEach((event, its) -> {
            if (!its.isEmpty()) {
                sections.add(new Section(
                        SECTIONS.getOrDefault(event, event),
                        its.size(),
                        its.stream()
                                .limit(LINES_PER_SECTION)
                                .map(DigestQueue.Item::subject)
                                .toList()));
            }
        });
        return sections;
    }
}
