package dev.loopkeeper.sharedkernel.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.live.*}
 *
 * @param poll     how often each node reads what the other nodes wrote: the delay a screen on another node sees
 * @param gapGrace how long a missing id is looked for again: a transaction that took its id before another one
 *                 and commits after it is heard late but heard, within this long; a rolled-back one leaves a gap
 *                 that is given up after it
 * @param keep     how long rows stay before any node deletes them; a node that was stopped longer starts afresh
 */
@ConfigurationProperties("loopkeeper.live")
public record LiveSettings(
        @DefaultValue("PT1S") Duration poll,
        @DefaultValue("PT30S") Duration gapGrace,
        @DefaultValue("PT10M") Duration keep) {}
