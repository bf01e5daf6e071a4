package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditRecord;

/**
 * Failed logins lock the username (3 here) and the client address (8 here) for a while, for form
 * login and HTTP Basic alike; while locked even the right password is refused with a clear message;
 * the lock and the refusals are audited.
 */
class LoginThrottlingTest extends SecuredBusTest {

    @Test
    void threeFailuresLockTheUsernameForBasicAndFormEvenWithTheRightPassword() throws Exception {
        long before = lastSeq();
        for (int i = 1; i <= 3; i++) {
            // from three addresses: the username's own count locks it, not an address's
            HttpResponse<String> failed = send(basic(LOCKABLE, "guess-" + i, "198.51.100." + i));
            assertThat(failed.statusCode()).isEqualTo(401);
        }

        HttpResponse<String> basic = send(basic(LOCKABLE, LOCKABLE_PASSWORD, "198.51.100.9"));
        assertThat(basic.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(basic.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 15 * 60L);
        assertThat(new ObjectMapper().readTree(basic.body()).path("code").asText()).isEqualTo("LOGIN_THROTTLED");
        assertThat(new ObjectMapper().readTree(basic.body()).path("messageVi").asText()).contains("thử lại sau");

        Cookies browser = new Cookies();
        browser.take(send(request("GET", "/login", null)));
        HttpResponse<String> form = send(browser.on(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "198.51.100.10")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + LOCKABLE + "&password="
                        + URLEncoder.encode(LOCKABLE_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + browser.get("XSRF-TOKEN")))));
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?throttled");

        // another user from the same addresses is not affected
        assertThat(send(TestUsers.OPERATOR.authorize(request("GET", "/api/me", null))
                .header("X-Forwarded-For", "198.51.100.9")).statusCode()).isEqualTo(200);

        List<AuditRecord> records = securityRecordsAfter(before);
        assertThat(records).filteredOn(r -> LOCKABLE.equals(r.actor())).extracting(AuditRecord::detail)
                .anyMatch(d -> d.startsWith("login failed (basic)"))
                .anyMatch(d -> d.startsWith("locked out until"))
                .anyMatch(d -> d.startsWith("login refused (basic): locked until"))
                .anyMatch(d -> d.startsWith("login refused (form): locked until"));
        assertThat(records).filteredOn(r -> r.detail().startsWith("locked out")).allMatch(r -> r.outcome() == AuditOutcome.WARNING);
        assertThat(records).filteredOn(r -> r.detail().startsWith("login failed")).extracting(AuditRecord::origin)
                .contains("198.51.100.1", "198.51.100.2", "198.51.100.3");
    }

    @Test
    void eightFailuresFromOneAddressLockThatAddressForEveryUsernameButNotOtherAddresses() throws Exception {
        String address = "203.0.113.77";
        for (int i = 0; i < 8; i++) {
            assertThat(send(basic("nobody-" + i, "guess", address)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> known = send(basic(ROAMING, ROAMING_PASSWORD, address));
        HttpResponse<String> knownElsewhere = send(basic(ROAMING, ROAMING_PASSWORD, "203.0.113.78"));
        assertThat(known.statusCode()).isEqualTo(429);
        assertThat(knownElsewhere.statusCode()).isEqualTo(200);
    }

    HttpRequest.Builder basic(String username, String password, String forwardedFor) {
        return request("GET", "/api/me", null).header("X-Forwarded-For", forwardedFor)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
