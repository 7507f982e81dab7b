package dev.loopkeeper.intake;

import dev.loopkeeper.intake.domain.WebhookDeliveryRows;
import dev.loopkeeper.intake.domain.WebhookSecretRows;
import dev.loopkeeper.sharedkernel.StandardWebhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The signing secrets of webhook sources, kept in the database and read on every delivery: an admin adds a new
 * secret beside the old one, the sender switches, the admin removes the old one; every node follows at once, without
 * a restart. A secret is shown in full only when it is added.
 */
@Service
public class WebhookSecrets {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    /** A source's name is part of its webhook's address. */
    static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

    /** A secret as the sources screen lists it: which source, its first characters, who added it when. */
    public record SourceSecret(UUID id, String source, String hint, Instant addedAt, String addedBy) {}

    private final WebhookSecretRows secrets;
    private final WebhookDeliveryRows deliveries;
    private final IntakeSettings settings;
    private final Clock clock;

    WebhookSecrets(WebhookSecretRows secrets, WebhookDeliveryRows deliveries, IntakeSettings settings, Clock clock) {
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    public List<SourceSecret> all() {
        return secrets.all().stream()
                .map(row -> new SourceSecret(row.id(), row.source(), hint(row.secret()), row.addedAt(), row.addedBy()))
                .toList();
    }

    /** A new random secret in the Standard Webhooks form: {@code whsec_} and 32 random bytes in base64. */
    public static String generate() {
        return StandardWebhooks.newSecret();
    }

    /**
     * Adds a secret to a source (which exists from its first secret on).
     *
     * @throws IllegalArgumentException for a source name that cannot be part of an address, or a short secret
     */
    public UUID add(String source, String secret, String addedBy) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("A source name is 1 to 80 lower-case letters, digits and . _ -");
        }
        if (secret == null || secret.strip().length() < 16 || !secret.equals(secret.strip())) {
            throw new IllegalArgumentException("A secret has at least 16 characters and no spaces at its ends");
        }
        return secrets.add(source, secret, clock.instant(), addedBy);
    }

    public void remove(UUID id) {
        secrets.remove(id);
    }

    /** Delivery ids are needed only as long as a retry or replay of them can come; older ones go. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldDeliveries() {
        int deleted = deliveries.deleteReceivedBefore(clock.instant().minus(settings.keepDeliveries()));
        if (deleted > 0) {
            log.info("Forgot {} webhook deliveries older than {}", deleted, settings.keepDeliveries());
        }
    }

    private static String hint(String secret) {
        return secret.substring(0, Math.min(secret.length(), secret.startsWith("whsec_") ? 10 : 4)) + "…";
    }
}
