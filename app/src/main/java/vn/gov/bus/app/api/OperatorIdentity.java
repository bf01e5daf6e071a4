package vn.gov.bus.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.stereotype.Component;
import vn.gov.bus.app.security.ClientAddress;

/**
 * Who is acting through the administration API: the person Spring Security authenticated
 * (vn.gov.bus.app.security; docs/security.md). The role rules are the security configuration's;
 * this only names the person for the audit trail.
 */
@Component
public class OperatorIdentity {

    private final ClientAddress addresses;

    public OperatorIdentity(ClientAddress addresses) {
        this.addresses = addresses;
    }

    /** Where the request came from, for the audit trail: X-Forwarded-For only from a trusted proxy. */
    public String origin(HttpServletRequest request) {
        return addresses.of(request);
    }

    /** The operator's name for the audit trail; throws {@link MissingOperatorException} when nobody is authenticated. */
    public String operator(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
            throw new MissingOperatorException("the request is not authenticated: log in, or send HTTP Basic credentials");
        }
        return principal.getName();
    }

    public static class MissingOperatorException extends RuntimeException {
        public MissingOperatorException(String message) {
            super(message);
        }
    }
}
