package vn.gov.bus.app.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Username and password checks (form login and HTTP Basic alike) behind the login throttle: a
 * locked username or address is refused before its password is even compared, every failure is
 * counted and audited (never with the password), and a lock is audited when it starts.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SecurityAudit audit;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, SecurityAudit audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        ClientDetails client = attempt.getDetails() instanceof ClientDetails d ? d : new ClientDetails(null, "other");
        Optional<Instant> locked = throttle.lockedUntil(username, client.address());
        if (locked.isPresent()) {
            audit.loginRefusedWhileLocked(username, client, locked.get());
            throw new LoginThrottledException(locked.get());
        }
        try {
            Authentication done = passwords.authenticate(attempt);
            throttle.succeeded(username);
            return done;
        } catch (AuthenticationException e) {
            LoginThrottle.Failure failure = throttle.failed(username, client.address());
            audit.loginFailed(username, client, e instanceof BadCredentialsException ? "bad credentials"
                    : e.getClass().getSimpleName());
            if (failure.lockedNow()) {
                audit.lockedOut(username, client, failure.lockedUntil());
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
