package dev.loopkeeper.reporting;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.reports.*}: the lifetime value counted for a customer who has none, and the monthly company
 * report. The churn probabilities are revenue at risk's own ({@code loopkeeper.revenue-at-risk.churn-probability}),
 * so every screen computes it alike.
 *
 * @param averageLifetimeValue a customer's lifetime value when intake had none for them
 * @param monthly              the monthly company report
 */
@ConfigurationProperties("loopkeeper.reports")
public record ReportSettings(
        @DefaultValue("1000") BigDecimal averageLifetimeValue,
        @DefaultValue Monthly monthly) {

    /**
     * @param recipients email addresses; none: the report is not sent
     * @param from       the sender
     * @param zone       whose calendar months the report counts
     */
    public record Monthly(
            @DefaultValue List<String> recipients,

            @DefaultValue("Loopkeeper <loopkeeper@localhost>")
            String from,

            @DefaultValue("UTC") ZoneId zone) {}
}
