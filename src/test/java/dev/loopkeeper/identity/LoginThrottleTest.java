package dev.loopkeeper.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    MovableClock clock = new MovableClock();
    LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("10.0.0.1");
        }

        assertThat(throttle.waitFor("10.0.0.1")).isZero();
    }

    @Test
    void eachFailureAfterThatDoublesTheWaitUpToFiveMinutes() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("10.0.0.1");
        assertThat(throttle.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.waitFor("10.0.0.1")).isEqualTo(LoginThrottle.LONGEST_WAIT);
    }

    @Test
    void otherAddressesAreNotSlowed() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("10.0.0.1");
        }

        assertThat(throttle.waitFor("10.0.0.2")).isZero();
    }

    @Test
    void theWaitPassesAndQuietAddressesAreForgotten() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("10.0.0.1");
        }
        clock.move(LoginThrottle.LONGEST_WAIT);
        assertThat(throttle.waitFor("10.0.0.1")).isZero();

        clock.move(LoginThrottle.FORGET_AFTER);
        throttle.failed("10.0.0.1");
        assertThat(throttle.waitFor("10.0.0.1")).as("counted afresh").isZero();
    }

    @Test
    void aSuccessClearsTheAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("10.0.0.1");
        }
        throttle.succeeded("10.0.0.1");

        assertThat(throttle.waitFor("10.0.0.1")).isZero();
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-29T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
