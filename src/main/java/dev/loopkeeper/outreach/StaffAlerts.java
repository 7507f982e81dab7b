package dev.loopkeeper.outreach;

import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.identity.StaffMember;
import dev.loopkeeper.outreach.domain.DigestQueue;
import dev.loopkeeper.sharedkernel.ZonePreference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Alerts as people want them: {@code bpmn/alert-policy.dmn} says who hears of an event, on which channel (in the
 * app, by email, or posted to the team's Slack or Teams), at once or in their digest; each user's {@link AlertPreference} may move an event's emails to the digest or off, and
 * holds emails through their quiet hours. Held emails wait in the digest queue until the quiet hours end and go
 * out together at the first digest round after that, so nobody wakes to a pile of separate emails.
 */
@Service
public class StaffAlerts {

    private static final Logger log = LoggerFactory.getLogger(StaffAlerts.class);
    /** Where a user chose no zone: digests and quiet hours count in UTC. */
    static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

    private final AlertPolicy policy;
    private final Outreach outreach;
    private final AlertPreferences preferences;
    private final DigestQueue digestQueue;
    private final Directory directory;
    private final ZonePreference zones;
    private final DigestSettings digests;
    private final Clock clock;

    StaffAlerts(
            AlertPolicy policy,
            Outreach outreach,
            AlertPreferences preferences,
            DigestQueue digestQueue,
            Directory directory,
            ZonePreference zones,
            DigestSettings digests,
            Clock clock) {
        this.policy = policy;
        this.outreach = outreach;
        this.preferences = preferences;
        this.digestQueue = digestQueue;
        this.directory = directory;
        this.zones = zones;
        this.digests = digests;
        this.clock = clock;
    }

    /** Someone (a user) or an address the response named. */
    private record Addressee(String recipient, String address, String name, boolean user) {}

    /**
     * Alerts everyone the policy names for the event. Same contract as {@link Outreach#alertStaff}: the same key
     * alerts once, and a retry after a failed email stores and queues nothing twice and emails only those not yet
     * reached. Call it inside the raising job's transaction: the digest queue is written in it.
     *
     * @throws OutreachFailed if an email or a chat post did not go out; everything else is done all the same
     */
    public void raise(AlertEvent event) {
        deliver(event, policy.routes(event), true);
    }

    /**
     * The part of {@link #raise} that stays in the database (alerts in the app, digest items), written in the
     * caller's transaction; nothing is emailed or posted. It answers whether anything is due to go out now, which
     * {@link #raise} then sends in a job of its own, so a mail server's failure is retried there and undoes nothing
     * here. An alert policy that cannot be read counts as due: {@link #raise} meets it again, as that job's incident.
     */
    public boolean recordForLater(AlertEvent event) {
        List<AlertPolicy.Route> routes;
        try {
            routes = policy.routes(event);
        } catch (RuntimeException policyUnreadable) {
            log.warn("Alert {}: left for its send step ({})", event.key(), policyUnreadable.toString());
            return true;
        }
        return deliver(event, routes, false);
    }

    /** Whether anything was (or, when not sending, is still) due to go out now. */
    private boolean deliver(AlertEvent event, List<AlertPolicy.Route> routes, boolean send) {
        Instant now = clock.instant();
        List<DigestQueue.Item> queued = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean due = false;
        boolean firstInApp = true;
        for (AlertPolicy.Route route : routes) {
            switch (route.channel()) {
                case "in-app" -> {
                    if (inApp(event, route, firstInApp)) {
                        firstInApp = false;
                    }
                }
                case "email" -> due |= email(event, route, now, send, queued, failures);
                case "slack", "teams" ->
                    due |= chat(event, Medium.valueOf(route.channel().toUpperCase()), send, failures);
                default -> log.info("Alert {}: channel {} is not known", event.key(), route.channel());
            }
        }
        digestQueue.enqueue(queued);
        if (!failures.isEmpty()) {
            throw new OutreachFailed("Alert " + event.key() + " did not reach " + String.join("; ", failures));
        }
        return due;
    }

    /** A chat has one channel for everyone: the route's recipient does not matter, and two routes post once. */
    private boolean chat(AlertEvent event, Medium chat, boolean send, List<String> failures) {
        if (!send) {
            return outreach.chatConnected(chat);
        }
        try {
            if (!outreach.postAlert(chat, event)) {
                log.info("Alert {}: {} is not connected (Integrations screen)", event.key(), chat.key());
                return false;
            }
        } catch (OutreachFailed e) {
            failures.add(chat.key() + ": " + e.getMessage());
        }
        return true;
    }

    private boolean inApp(AlertEvent event, AlertPolicy.Route route, boolean first) {
        String group = switch (route.recipientKind()) {
            case "owner-group" -> event.ownerGroup();
            case "group" -> route.recipient();
            default -> null;
        };
        String user = switch (route.recipientKind()) {
            case "person" -> route.recipient();
            case "assignee" -> event.assignee();
            default -> null;
        };
        if (blank(group) && blank(user)) {
            return false; // a response's address is nobody in the app
        }
        // the first keeps the event's own key (as alerts had before the policy); further ones add their addressee
        DeliveryKey key = first ? event.key() : event.key().and(blank(group) ? user : group);
        outreach.storeInApp(
                new StaffAlert(key.value(), key.caseId(), group, user, event.kind(), event.subject(), event.body()));
        return true;
    }

    private boolean email(
            AlertEvent event,
            AlertPolicy.Route route,
            Instant now,
            boolean send,
            List<DigestQueue.Item> queued,
            List<String> failures) {
        boolean due = false;
        List<Addressee> addressees = addressees(event, route);
        Map<String, AlertPreference> chosen = preferences.of(addressees.stream()
                .filter(Addressee::user)
                .map(Addressee::recipient)
                .toList());
        for (Addressee addressee : addressees) {
            AlertPreference preference =
                    chosen.getOrDefault(addressee.recipient(), AlertPreference.defaults(addressee.recipient()));
            AlertPreference.Choice choice = preference.choiceFor(event.event());
            if (choice == AlertPreference.Choice.IN_APP_ONLY) {
                continue;
            }
            boolean immediate = choice == AlertPreference.Choice.POLICY
                    ? route.immediate()
                    : choice == AlertPreference.Choice.IMMEDIATE;
            Instant heldUntil = null;
            if (immediate && preference.hasQuietHours()) {
                ZoneId zone = zones.zoneOf(addressee.recipient()).orElse(DEFAULT_ZONE);
                if (preference.isQuietAt(now, zone)) {
                    heldUntil = preference.quietEndsAfter(now, zone);
                }
            }
            if (immediate && heldUntil == null) {
                due = true;
                if (!send) {
                    continue;
                }
                try {
                    outreach.emailAlert(
                            new StaffAlert(
                                    event.key().value(),
                                    event.key().caseId(),
                                    null,
                                    addressee.recipient(),
                                    event.kind(),
                                    event.subject(),
                                    event.body()),
                            event.key().value() + ":" + addressee.recipient(),
                            addressee.address(),
                            addressee.name());
                } catch (OutreachFailed e) {
                    failures.add(addressee.recipient() + ": " + e.getMessage());
                }
            } else {
                queued.add(new DigestQueue.Item(
                        UUID.randomUUID(),
                        event.key().value(),
                        addressee.recipient(),
                        addressee.address(),
                        event.event(),
                        event.key().caseId(),
                        event.subject(),
                        event.body(),
                        now,
                        heldUntil));
            }
        }
        String group = switch (route.recipientKind()) {
            case "owner-group" -> event.ownerGroup();
            case "group" -> route.recipient();
            default -> null;
        };
        DigestSettings.GroupDigest groupDigest = digests.of(group);
        if (groupDigest != null) {
            // the group's own digest sums up every email alert to the group, whatever its members chose
            queued.add(new DigestQueue.Item(
                    UUID.randomUUID(),
                    event.key().value(),
                    DigestSettings.recipient(group),
                    groupDigest.address().strip(),
                    event.event(),
                    event.key().caseId(),
                    event.subject(),
                    event.body(),
                    now,
                    null));
        }
        return due;
    }

    private List<Addressee> addressees(AlertEvent event, AlertPolicy.Route route) {
        Map<String, Addressee> addressees = new LinkedHashMap<>();
        List<StaffMember> members = switch (route.recipientKind()) {
            case "owner-group" -> blank(event.ownerGroup()) ? List.of() : directory.staffIn(event.ownerGroup());
            case "group" -> directory.staffIn(route.recipient());
            case "person" -> directory.staffMember(route.recipient()).stream().toList();
            case "assignee" ->
                blank(event.assignee())
                        ? List.of()
                        : directory.staffMember(event.assignee()).stream().toList();
            default -> List.of();
        };
        members.stream()
                .filter(StaffMember::hasEmail)
                .forEach(m -> addressees.putIfAbsent(m.userId(), new Addressee(m.userId(), m.email(), m.name(), true)));
        if ("property".equals(route.recipientKind())) {
            String address = event.facts().properties().get(route.recipient());
            if (!blank(address) && address.contains("@")) {
                addressees.putIfAbsent(address, new Addressee(address, address.strip(), null, false));
            }
        }
        return List.copyOf(addressees.values());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
