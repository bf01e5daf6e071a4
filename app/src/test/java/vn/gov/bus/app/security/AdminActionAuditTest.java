package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;

/**
 * Every mutating request of a person is in the audit log (who, roles, method and path, from where,
 * status), refused ones too; the address is the client's behind a trusted proxy. Secrets are in
 * neither the log output nor the audit records.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminActionAuditTest extends SecuredBusTest {

    @Test
    void aMutatingRequestIsAuditedWithWhoRolesWhatWhereAndItsOutcome() throws Exception {
        long before = lastSeq();
        HttpResponse<String> done = send(TestUsers.OPERATOR.authorize(request("POST",
                "/api/v1/quarantine/item-42/reject", "{\"reason\":\"thử\"}")).header("X-Forwarded-For", "192.0.2.15"));
        HttpResponse<String> refused = send(TestUsers.AUDITOR.authorize(request("POST",
                "/api/v1/quarantine/item-43/reject", "{\"reason\":\"thử\"}")));
        assertThat(done.statusCode()).isEqualTo(404);
        assertThat(refused.statusCode()).isEqualTo(403);

        // recorded once the answer is complete (its status is part of the record): wait for it
        await().atMost(Duration.ofSeconds(10)).until(() -> securityRecordsAfter(before).stream()
                .filter(r -> r.detail().contains("item-4")).count() == 2);
        List<AuditRecord> records = securityRecordsAfter(before);
        AuditRecord operator = records.stream().filter(r -> r.detail().contains("item-42")).findFirst().orElseThrow();
        assertThat(operator.step()).isEqualTo(AuditStep.ADMIN_ACTION);
        assertThat(operator.actor()).isEqualTo("operator");
        assertThat(operator.origin()).isEqualTo("192.0.2.15");
        assertThat(operator.detail()).isEqualTo("POST /api/v1/quarantine/item-42/reject -> 404 (roles OPERATOR)");
        assertThat(operator.outcome()).isEqualTo(AuditOutcome.REFUSED);
        AuditRecord auditor = records.stream().filter(r -> r.detail().contains("item-43")).findFirst().orElseThrow();
        assertThat(auditor.actor()).isEqualTo("auditor");
        assertThat(auditor.origin()).isEqualTo("127.0.0.1");
        assertThat(auditor.detail()).isEqualTo("POST /api/v1/quarantine/item-43/reject -> 403 (roles AUDITOR)");
        // reads are not actions
        long beforeRead = lastSeq();
        send(TestUsers.OPERATOR.authorize(request("GET", "/api/v1/quarantine", null)));
        send(TestUsers.OPERATOR.authorize(request("POST", "/api/v1/quarantine/item-44/reject", "{}")));
        await().atMost(Duration.ofSeconds(10)).until(() -> securityRecordsAfter(beforeRead).stream()
                .anyMatch(r -> r.detail().contains("item-44")));
        assertThat(securityRecordsAfter(beforeRead)).noneMatch(r -> r.detail().startsWith("GET"));
    }

    @Test
    void aFailedLoginsPasswordAppearsNowhereInTheLogOrTheAuditRecords(CapturedOutput output) throws Exception {
        long before = lastSeq();
        String password = "Mật-khẩu-bí-mật-" + UUID.randomUUID();
        String basic = Base64.getEncoder().encodeToString((CARELESS + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> viaBasic = send(request("GET", "/api/me", null).header("Authorization", "Basic " + basic)
                .header("X-Forwarded-For", "192.0.2.99"));
        Cookies browser = new Cookies();
        browser.take(send(request("GET", "/login", null)));
        HttpResponse<String> viaForm = send(browser.on(java.net.http.HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "192.0.2.99")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + CARELESS + "&password="
                        + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                        + browser.get("XSRF-TOKEN")))));
        assertThat(viaBasic.statusCode()).isEqualTo(401);
        assertThat(viaForm.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        List<AuditRecord> records = securityRecordsAfter(before);
        assertThat(records).extracting(AuditRecord::detail)
                .contains("login failed (basic): bad credentials", "login failed (form): bad credentials");
        assertThat(output.getAll()).contains("failed login for '" + CARELESS + "'").doesNotContain(password).doesNotContain(basic);
        for (AuditRecord r : auditStore.search(vn.gov.bus.core.audit.AuditQuery.all(), 0, 500).records()) {
            assertThat(String.join("|", String.valueOf(r.actor()), String.valueOf(r.origin()), String.valueOf(r.detail())))
                    .doesNotContain(password).doesNotContain(basic);
            if (r.payloadSha256() != null && r.seq() > before) {
                assertThat(new String(auditStore.payload(r.payloadSha256()).orElse(new byte[0]), StandardCharsets.UTF_8))
                        .doesNotContain(password);
            }
        }
    }

    @Test
    void aFormLoginAndALogoutAreAudited() throws Exception {
        long before = lastSeq();
        Cookies browser = new Cookies();
        browser.take(send(request("GET", "/login", null)));
        HttpResponse<String> login = send(browser.on(java.net.http.HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=demo-admin&_csrf="
                        + browser.get("XSRF-TOKEN")))));
        browser.take(login);
        browser.take(send(browser.on(request("GET", "/login", null))));
        send(browser.on(request("POST", "/logout", null).header("X-XSRF-TOKEN", browser.get("XSRF-TOKEN"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> securityRecordsAfter(before).stream()
                .anyMatch(r -> "logout".equals(r.detail())));
        assertThat(securityRecordsAfter(before)).filteredOn(r -> "admin".equals(r.actor()))
                .extracting(AuditRecord::detail).contains("login succeeded (form), roles ADMIN", "logout");
    }
}
