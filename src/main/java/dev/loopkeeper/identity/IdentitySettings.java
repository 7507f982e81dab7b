package dev.loopkeeper.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.identity.*}
 *
 * @param apiKeyHeader the header that carries an API key on {@code /api/**}
 * @param apiKeys      the keys machine clients (survey tools, CRMs) may use; rotate by listing old and new
 * @param metricsTokens the bearer tokens a metrics scraper (Prometheus) may read {@code /actuator/prometheus} with;
 *                      none: nobody may
 */
@ConfigurationProperties("loopkeeper.identity")
record IdentitySettings(
        @DefaultValue("X-Api-Key") String apiKeyHeader,
        @DefaultValue List<String> apiKeys,
        @DefaultValue List<String> metricsTokens) {}
