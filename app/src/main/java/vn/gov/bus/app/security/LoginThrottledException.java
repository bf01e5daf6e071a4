package vn.gov.bus.app.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A login refused without looking at the password, because too many failed before it. */
public final class LoginThrottledException extends AuthenticationException {

    private final transient Instant until;

    public LoginThrottledException(Instant until) {
        super("too many failed logins; try again after " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
