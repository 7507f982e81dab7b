package dev.loopkeeper.sla;

import dev.loopkeeper.sharedkernel.Segment;
import java.time.Instant;

/** Which breaches to list: breached in [from, to), of a group, of a segment. Null parts do not filter. */
public record BreachFilter(Instant from, Instant to, String group, Segment segment) {}
