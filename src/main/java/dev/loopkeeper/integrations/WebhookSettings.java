package dev.loopkeeper.integrations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.integrations.webhooks.*}
 *
 * @param maxAttempts how often a delivery is tried before it is FAILED (the spec's schedule: at once, then after 5
 *                    seconds, 5 minutes, 30 minutes, 2, 5, 10 and 10 hours)
 * @param lease       how long a node holds a delivery it sends; longer than the timeout, so only a node that died
 *                    loses it
 * @param timeout     how long a consumer has to connect and answer
 * @param poll        how often each node looks for due deliveries
 * @param keep        how long a sent or failed delivery stays in the log (and can be replayed); pending ones stay
 */
@ConfigurationProperties("loopkeeper.integrations.webhooks")
public record WebhookSettings(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration lease,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("PT5S") Duration poll,
        @DefaultValue("P30D") Duration keep) {

    public WebhookSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("loopkeeper.integrations.webhooks.max-attempts must be at least 1");
        }
        if (keep.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("loopkeeper.integrations.webhooks.keep must be at least an hour");
        }
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "loopkeeper.integrations.webhooks.lease must be at least twice the timeout");
        }
    }
}
