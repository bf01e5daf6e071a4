package vn.gov.bus.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * mTLS for systems: the TLS connector (server.ssl, client-auth want or need) has already checked
 * the client certificate's chain against its trust store; here its subject is looked up in
 * {@code bus.security.client-certificates} and, when listed, the request is that system's. Subjects
 * are compared as X.500 names (RFC 4514 canonical form), so spacing and case of attribute types
 * do not matter. A certificate not listed authenticates nothing: the system's token is still asked.
 */
final class ClientCertificateFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientCertificateFilter.class);

    private final Map<X500Principal, String> systems;

    ClientCertificateFilter(List<SecurityProperties.ClientCertificate> certificates) {
        this.systems = certificates.stream().collect(Collectors.toUnmodifiableMap(
                c -> new X500Principal(c.subject()), SecurityProperties.ClientCertificate::system));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return systems.isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chainOfClient
                && chainOfClient.length > 0) {
            X500Principal subject = chainOfClient[0].getSubjectX500Principal();
            String system = systems.get(subject);
            if (system != null) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(SystemCaller.of(system, subject.getName()));
                SecurityContextHolder.setContext(context);
            } else {
                log.debug("client certificate {} is not mapped to a system (bus.security.client-certificates)", subject);
            }
        }
        chain.doFilter(request, response);
    }
}
