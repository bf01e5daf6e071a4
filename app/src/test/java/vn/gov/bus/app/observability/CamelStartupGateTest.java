package vn.gov.bus.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The web answers 503 with Retry-After, not 500, until Camel's routes run; the actuator stays open. */
class CamelStartupGateTest {

    @Test
    void hubCallsGet503WithRetryAfterUntilCamelHasStartedAndPassOnceItHas() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            CamelStartupGate gate = new CamelStartupGate(camel);

            MockHttpServletResponse starting = call(gate, "/services/hub");
            assertThat(starting.getStatus()).isEqualTo(503);
            assertThat(starting.getHeader("Retry-After")).isEqualTo("5");
            assertThat(starting.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("khởi động");
            assertThat(call(gate, "/actuator/health/readiness").getStatus()).isEqualTo(200);

            camel.start();
            assertThat(call(gate, "/services/hub").getStatus()).isEqualTo(200);
            assertThat(call(gate, "/api/admin/statistics").getStatus()).isEqualTo(200);
        }
    }

    private static MockHttpServletResponse call(CamelStartupGate gate, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
