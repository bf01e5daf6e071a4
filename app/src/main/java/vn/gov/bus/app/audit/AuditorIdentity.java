package vn.gov.bus.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.stereotype.Component;
import vn.gov.bus.app.security.ClientAddress;

/**
 * Who calls the auditors' API, and from where: recorded with every call (AUDITOR_ACTION) and every
 * replay (REPLAYED). The person is the one Spring Security authenticated (the security
 * configuration enforces the roles: AUDITOR for search, payloads, export and verification,
 * AUDITOR or OPERATOR for replay); the address is the client's, {@code X-Forwarded-For} believed
 * only from the configured trusted proxies.
 */
@Component
public class AuditorIdentity {

    private final ClientAddress addresses;

    public AuditorIdentity(ClientAddress addresses) {
        this.addresses = addresses;
    }

    public String actor(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        // unreachable through the security rules; kept so a record never lacks an actor
        return principal == null ? "anonymous" : principal.getName();
    }

    public String origin(HttpServletRequest request) {
        return addresses.of(request);
    }
}
