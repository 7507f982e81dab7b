package dev.loopkeeper.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What closed, for the digests: the cases some groups took part in that closed in a window. Casework answers it (it
 * knows cases; outreach must not read its tables), so the digest can say what closed next to what is waiting.
 */
public interface ClosedCases {

    /**
     * @param groups the groups whose cases count; {@code null}: every case (a supervisor oversees them all)
     * @param lines  how many to describe, newest first
     */
    Closed between(Set<String> groups, Instant from, Instant until, int lines);

    /** How many closed, and a line for each of the newest. */
    record Closed(int count, List<String> lines) {

        public static final Closed NONE = new Closed(0, List.of());
    }
}
