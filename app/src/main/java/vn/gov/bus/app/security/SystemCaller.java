package vn.gov.bus.app.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/** A system authenticated by its client certificate (mTLS) on the system endpoints. */
public final class SystemCaller {

    static final String AUTHORITY = "SYSTEM";

    private SystemCaller() {
    }

    static Authentication of(String systemId, String subject) {
        PreAuthenticatedAuthenticationToken token = new PreAuthenticatedAuthenticationToken(systemId, subject,
                List.of(new SimpleGrantedAuthority(AUTHORITY)));
        token.setDetails("client certificate " + subject);
        return token;
    }

    /** The system id the current request's client certificate proved, if it proved one. */
    public static Optional<String> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> AUTHORITY.equals(g.getAuthority()))
                ? Optional.of(a.getName()) : Optional.empty();
    }
}
