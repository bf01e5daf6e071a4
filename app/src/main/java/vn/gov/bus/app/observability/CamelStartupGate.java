package vn.gov.bus.app.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat accepts requests a few seconds before Camel's routes run (the web server starts during
 * the context refresh, Camel when it ends). Until then the hub and the APIs answer 503 with
 * Retry-After instead of the 500 a call into a stopped route would give; the actuator stays open
 * so probes can tell "starting" (readiness OUT_OF_SERVICE) from "down".
 */
public class CamelStartupGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final CamelContext camel;
    private volatile boolean open;

    public CamelStartupGate(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open) {
            if (!camel.isStarted()) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                response.setContentType("text/plain;charset=UTF-8");
                response.getOutputStream().write(("The bus is starting; retry in " + RETRY_AFTER_SECONDS
                        + " s. / Trục đang khởi động, vui lòng thử lại sau " + RETRY_AFTER_SECONDS + " giây.\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            open = true; // once started, the check costs nothing more
        }
        chain.doFilter(request, response);
    }
}
