package dev.loopkeeper.casework;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.casework.*}
 *
 * @param fixChaseAfter  how long a case may wait for its improvement action's fix before the process owners are chased
 * @param claimIdleAfter how long a claimed contact may stay untouched before it goes back to its group
 */
@ConfigurationProperties("loopkeeper.casework")
public record CaseworkSettings(
        @DefaultValue("P30D") Period fixChaseAfter,
        @DefaultValue("PT8H") Duration claimIdleAfter) {}
