package dev.loopkeeper.integrations;

import dev.loopkeeper.integrations.domain.WebhookRows;
import dev.loopkeeper.sharedkernel.OutboundAddresses;
import dev.loopkeeper.sharedkernel.StandardWebhooks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Who hears of which case events: a URL, the events, and a secret of its own that signs every delivery. Events are
 * matched against a copy held in memory for {@link #REFRESH} (changes on this node at once), so a storm of breaches
 * costs no query per breach for subscriptions nobody changed.
 */
@Service
public class WebhookSubscriptions {

    static final Duration REFRESH = Duration.ofSeconds(30);

    /** A subscription as the Integrations screen shows it: the secret only as its first characters. */
    public record Subscription(
            UUID id,
            URI url,
            Set<WebhookEvent> events,
            String description,
            String secretHint,
            Instant createdAt,
            String createdBy) {}

    /** A new subscription and its secret, which is shown this once. */
    public record Added(UUID id, String secret) {}

    private final WebhookRows rows;
    private final OutboundAddresses addresses;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(List<WebhookRows.Subscription> subscriptions, Instant takenAt) {}

    WebhookSubscriptions(WebhookRows rows, OutboundAddresses addresses, Clock clock) {
        this.rows = rows;
        this.addresses = addresses;
        this.clock = clock;
    }

    public List<Subscription> all() {
        return rows.subscriptions().stream().map(WebhookSubscriptions::view).toList();
    }

    /**
     * Adds a subscription with a new random secret.
     *
     * @throws IllegalArgumentException for a URL that is not https or reaches inside our network, or no events
     */
    public Added add(String url, Set<WebhookEvent> events, String description, String by) {
        URI checked = addresses.check(url);
        if (events == null || events.isEmpty() || events.contains(WebhookEvent.TEST)) {
            throw new IllegalArgumentException("Choose the events to send");
        }
        String secret = StandardWebhooks.newSecret();
        UUID id = UUID.randomUUID();
        rows.addSubscription(new WebhookRows.Subscription(
                id,
                checked.toString(),
                secret,
                events.stream().map(WebhookEvent::type).sorted().collect(Collectors.joining(",")),
                description == null || description.isBlank() ? null : description.strip(),
                clock.instant(),
                by));
        snapshot = null;
        return new Added(id, secret);
    }

    public void remove(UUID id) {
        rows.removeSubscription(id);
        snapshot = null;
    }

    /** The subscriptions that hear of the event, with their secrets. */
    List<WebhookRows.Subscription> subscribersOf(WebhookEvent event) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null
                || current.takenAt().plus(REFRESH).isBefore(now)
                || current.takenAt().isAfter(now)) {
            current = new Snapshot(rows.subscriptions(), now);
            snapshot = current;
        }
        return current.subscriptions().stream()
                .filter(s -> events(s).contains(event))
                .toList();
    }

    WebhookRows.Subscription subscription(UUID id) {
        return rows.subscriptions().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No webhook subscription " + id));
    }

    private static Set<WebhookEvent> events(WebhookRows.Subscription s) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(s.events().split(","))
                .map(String::strip)
                .map(WebhookEvent::ofType)
                .forEach(e -> e.ifPresent(events::add));
        return events;
    }

    private static Subscription view(WebhookRows.Subscription s) {
        return new Subscription(
                s.id(),
                URI.create(s.url()),
                events(s),
                s.description(),
                s.secret().substring(0, Math.min(10, s.secret().length())) + "…",
                s.createdAt(),
                s.createdBy());
    }
}
