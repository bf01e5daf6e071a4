package vn.gov.bus.connectors.registry.simulator;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP Basic authentication in front of the simulated registry, as a government service gateway
 * does: when a login is required, a request without it or with another one gets 401 and a
 * {@code WWW-Authenticate} challenge, and never reaches the SOAP service.
 */
final class BasicLoginFilter implements Filter {

    static final String REALM = "registry";

    /** user:password as sent in the header, UTF-8 (RFC 7617); null when no login is required. */
    private volatile byte[] expected;
    private final AtomicLong refused = new AtomicLong();

    void require(String user, String password) {
        expected = user == null ? null : (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        byte[] required = expected;
        if (required == null || accepted(((HttpServletRequest) request).getHeader("Authorization"), required)) {
            chain.doFilter(request, response);
            return;
        }
        refused.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        http.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private static boolean accepted(String header, byte[] required) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // constant time: a simulator, but tests should not teach a timing side channel
        return MessageDigest.isEqual(given, required);
    }
}
