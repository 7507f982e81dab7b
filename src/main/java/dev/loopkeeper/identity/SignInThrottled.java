package dev.loopkeeper.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords from this address lately: it must wait before its next attempt is checked. */
public class SignInThrottled extends AuthenticationException {

    private final Duration wait;

    SignInThrottled(Duration wait) {
        super("Too many failed sign-ins from your address; try again in " + Math.max(1, wait.toSeconds()) + " s");
        this.wait = wait;
    }

    public Duration getWait() {
        return wait;
    }
}
