package vn.gov.bus.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Who calls the auditors' API, and from where: recorded with every call (AUDITOR_ACTION) and every
 * replay (REPLAYED).
 *
 * <p>SEAM for issue 8 (Spring Security): the API has no access control yet. When security comes,
 * the request's principal is the authenticated user (this class already reads it), and the
 * roles to enforce are {@link #AUDITOR} for search, payloads, export and verification, and
 * {@link #OPERATOR} for replay (see the comments in {@link AuditController}). Until then the API
 * must not be exposed beyond the administration network.
 */
public final class AuditorIdentity {

    public static final String AUDITOR = "AUDITOR";
    public static final String OPERATOR = "OPERATOR";

    private AuditorIdentity() {
    }

    public static String actor(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous (no authentication configured)" : principal.getName();
    }

    public static String origin(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return request.getRemoteAddr() + (forwarded == null ? "" : " (forwarded for " + forwarded + ")");
    }
}
