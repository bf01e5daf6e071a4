package vn.gov.bus.app.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Interim operator identity: the X-Bus-Operator header (replaced by the authenticated principal in issue 8). */
@Configuration(proxyBeanMethods = false)
public class OperatorIdentityConfiguration {

    static final String HEADER = "X-Bus-Operator";

    @Bean
    @ConditionalOnMissingBean
    OperatorIdentity headerOperatorIdentity() {
        return request -> {
            String name = request.getHeader(HEADER);
            if (name == null || name.isBlank()) {
                throw new OperatorIdentity.MissingOperatorException("the request names no operator (header "
                        + HEADER + ")");
            }
            if (name.length() > 128 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new OperatorIdentity.MissingOperatorException("header " + HEADER
                        + " must be one line of at most 128 characters");
            }
            return name.strip();
        };
    }
}
