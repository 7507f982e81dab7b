package dev.loopkeeper.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down an address that keeps getting passwords wrong, never the account it tries: a stranger's guesses must
 * not lock a colleague out (the engine's own lock-out is off, see {@code EngineAccess}). The first
 * {@value #FREE_FAILURES} failures of an address cost nothing; after that each failure makes the address wait twice
 * as long as the one before, from 1 s up to {@link #LONGEST_WAIT}, before its next attempt is even checked. A
 * success, or {@link #FORGET_AFTER} without failures, clears the address. The real user, signing in from their own
 * address, is never slowed by someone else's failures.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    /** Addresses remembered at most; past it the oldest quiet ones are forgotten first. */
    static final int REMEMBERED = 100_000;

    private record Failures(int count, Instant last, Instant waitUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must still wait before a sign-in attempt is checked; zero if it may try now. */
    public Duration waitFor(String address) {
        Failures known = failures.get(address);
        if (known == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), known.waitUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= REMEMBERED) {
            forgetQuietAddresses(now);
        }
        failures.compute(address, (key, known) -> {
            int count = known == null || known.last().plus(FORGET_AFTER).isBefore(now) ? 1 : known.count() + 1;
            return new Failures(count, now, now.plus(wait(count)));
        });
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    static Duration wait(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void forgetQuietAddresses(Instant now) {
        failures.entrySet()
                .removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now)
                        && !e.getValue().waitUntil().isAfter(now));
        if (failures.size() >= REMEMBERED) {
            // Still full: someone is spraying addresses. Forget the calmest half rather than grow without bound.
            failures.entrySet().removeIf(e -> !e.getValue().waitUntil().isAfter(now));
        }
    }
}
