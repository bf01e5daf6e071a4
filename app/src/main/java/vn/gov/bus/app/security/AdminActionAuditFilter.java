package vn.gov.bus.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every mutating request of an authenticated person goes into the audit log with its outcome
 * (who, roles, method and path — the path names the target —, from where, status). Sits in the
 * people's chain after authentication and before the access decision's error translation, so a
 * refused request (403) is recorded with its status too. Logins and logouts are recorded by their
 * own handlers; GETs are not actions (the auditors' API records its reads itself).
 */
final class AdminActionAuditFilter extends OncePerRequestFilter {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final SecurityAudit audit;
    private final ClientAddress addresses;

    AdminActionAuditFilter(SecurityAudit audit, ClientAddress addresses) {
        this.audit = audit;
        this.addresses = addresses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !MUTATING.contains(request.getMethod()) || path.equals("/login") || path.equals("/logout");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            audit.action(who, addresses.of(request), request.getMethod(), request.getRequestURI(), status);
        }
    }
}
