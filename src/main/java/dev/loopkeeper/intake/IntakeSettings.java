package dev.loopkeeper.intake;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code loopkeeper.intake.*}: how responses from survey tools and files come in.
 *
 * @param historyAfter     an imported response older than this is kept as history: stored, no case opened
 * @param webhookTolerance how far a signed webhook's timestamp may be from our clock, either way
 * @param keepDeliveries   how long the ids of webhook deliveries are kept to recognise a replay or a retry
 * @param delighted        how Delighted's webhook maps to a response
 * @param imports          CSV imports
 */
@ConfigurationProperties("loopkeeper.intake")
public record IntakeSettings(
        @DefaultValue("P14D") Duration historyAfter,
        @DefaultValue("PT5M") Duration webhookTolerance,
        @DefaultValue("P7D") Duration keepDeliveries,
        @DefaultValue Delighted delighted,
        @DefaultValue Imports imports) {

    /**
     * @param source             the source name its responses are stored under (and whose secrets sign its webhooks)
     * @param properties         our property name: the Delighted person property it comes from
     * @param tierProperty       the person property that holds the customer's tier
     * @param lifetimeValueProperty the person property that holds the customer's lifetime value (a number)
     * @param customerIdProperty the person property that holds the customer's id in your CRM; Delighted's person id
     *                           when empty or absent
     * @param touchpointProperty the person property that says where the customer met us (purchase, installation…)
     */
    public record Delighted(
            @DefaultValue("delighted") String source,
            Map<String, String> properties,
            @DefaultValue("Tier") String tierProperty,
            @DefaultValue("Lifetime Value") String lifetimeValueProperty,
            @DefaultValue("") String customerIdProperty,
            @DefaultValue("Touchpoint") String touchpointProperty) {

        public Delighted {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    /**
     * @param batchSize   rows per transaction of an import
     * @param lease       how long a node holds an import it runs before another may take it over
     * @param poll        how often each node looks for an import to run
     * @param maxFileSize the largest file the import screen takes
     */
    public record Imports(
            @DefaultValue("500") int batchSize,
            @DefaultValue("PT1M") Duration lease,
            @DefaultValue("PT2S") Duration poll,
            @DefaultValue("200MB") DataSize maxFileSize) {}
}
