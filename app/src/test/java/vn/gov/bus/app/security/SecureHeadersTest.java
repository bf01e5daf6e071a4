package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.gov.bus.app.TestUsers;

/** The headers a browser needs to keep the console safe, on pages and API answers alike (HSTS: see MutualTlsTest). */
class SecureHeadersTest extends SecuredBusTest {

    @Test
    void pagesAndApiAnswersCarryCspFramingSniffingAndReferrerRules() throws Exception {
        for (HttpResponse<String> r : java.util.List.of(send(request("GET", "/login", null)),
                send(TestUsers.ADMIN.authorize(request("GET", "/api/me", null))), send(request("GET", "/api/me", null)))) {
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
            // plain HTTP: HSTS would be meaningless (RFC 6797 §7.2) and is not sent
            assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }
}
