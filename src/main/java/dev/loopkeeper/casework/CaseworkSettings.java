package dev.loopkeeper.casework;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.casework.*}
 *
 * @param fixChaseAfter how long a case may wait for its improvement action's fix before the process owners are chased
 */
@ConfigurationProperties("loopkeeper.casework")
public record CaseworkSettings(@DefaultValue("P30D") Period fixChaseAfter) {}
