package vn.gov.bus.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.app.config.SeedAgain;
import vn.gov.bus.connectors.axis.AxisAgency;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.qlvb.HubCallException;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.edxml.AgencyCodes;

/** The agency directory half of the admin API, and the OpenAPI document the bus serves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.directory.sync-enabled=false",
        "bus.axis.poll-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AgenciesAndOpenApiTest {

    static final String HOME_AFFAIRS = "000.00.09.H53";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @LocalServerPort
    int port;
    @Autowired
    AxisSimulator axis;
    @Autowired
    AuditStore auditStore;
    @Autowired
    ApplicationContext context;

    AdminClient admin;
    AdminClient operator;

    @BeforeEach
    void clients() {
        admin = new AdminClient(port, TestUsers.ADMIN);
        operator = new AdminClient(port, TestUsers.OPERATOR);
    }

    List<AuditRecord> adminActions(String code) {
        return auditStore.search(new AuditQuery(null, null, null, code, null, AuditStep.ADMIN_ACTION, null, null,
                null), 0, 50).records();
    }

    LocalDocumentSystemSimulator hub(String organId, String token) {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"),
                organId, token);
    }

    @Test
    void searchFindsAgenciesByCodePrefixNameFragmentAndChannelAndNeverShowsATokenHash() throws Exception {
        JsonNode byCode = operator.get("/api/admin/agencies?q=000.00.0&channel=LOCAL").json();
        List<String> codes = new ArrayList<>();
        byCode.path("agencies").forEach(a -> codes.add(a.path("code").asText()));
        assertThat(codes).contains("000.00.00.H53", "000.00.01.H53", "000.00.05.H53").doesNotContain("000.00.00.G22");
        JsonNode byName = operator.get("/api/admin/agencies?q=" + AdminClient.enc("chính phủ")).json();
        assertThat(byName.path("total").asInt()).isEqualTo(1);
        assertThat(byName.path("agencies").get(0).path("code").asText()).isEqualTo("000.00.00.G22");
        assertThat(operator.get("/api/admin/agencies?q=%25").json().path("total").asInt()).isZero();

        JsonNode finance = operator.get("/api/admin/agencies/000.00.05.H53").json();
        assertThat(finance.path("tokenSet").asBoolean()).isTrue();
        assertThat(finance.path("channel").asText()).isEqualTo("LOCAL");
        assertThat(finance.path("codeConforms").asBoolean()).isTrue();
        assertThat(finance.toString()).doesNotContain("sha256").doesNotContain("token\"");

        AdminClient.Answer badChannel = operator.get("/api/admin/agencies?channel=FAX");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.json().path("field").asText()).isEqualTo("channel");
        assertThat(operator.get("/api/admin/agencies/999.99.99.H99").status()).isEqualTo(404);
    }

    @Test
    void editingAnAgencyReplacesItsTokenAndPolicyIsAuditedWithoutTheTokenAndOutlivesTheSeed() throws Exception {
        assertEditRefused(Map.of("channel", "MAIL"), "mail", "required-for-MAIL");
        assertEditRefused(Map.of("mail", "not an address"), "mail", "address");
        assertEditRefused(Map.of("token", "short"), "token", "16-256 printable characters");
        assertEditRefused(Map.of("signaturePolicy", "TRUST_ME"), "signaturePolicy",
                "one-of REJECT_UNSIGNED, ACCEPT_UNSIGNED_FLAGGED");
        assertEditRefused(Map.of("code", "000.00.10.H53"), "code", "unchanged");

        String newToken = "n3w-t0ken-s0-noi-vu-2026-12";
        AdminClient.Answer edited = admin.put("/api/admin/agencies/" + HOME_AFFAIRS, Map.of(
                "mail", "vanthu@snv.tayninh.gov.vn", "token", newToken, "signaturePolicy", "ACCEPT_UNSIGNED_FLAGGED"));
        assertThat(edited.status()).as(String.valueOf(edited.json())).isEqualTo(200);
        assertThat(edited.json().path("mail").asText()).isEqualTo("vanthu@snv.tayninh.gov.vn");
        assertThat(edited.json().path("signaturePolicy").asText()).isEqualTo("ACCEPT_UNSIGNED_FLAGGED");
        assertThat(edited.json().path("source").asText()).isEqualTo("ADMIN");

        assertThat(hub(HOME_AFFAIRS, newToken).pendingIds()).isNotNull();
        assertThatThrownBy(() -> hub(HOME_AFFAIRS, "demo-token-so-noi-vu").pendingIds())
                .isInstanceOf(HubCallException.class);

        AuditRecord record = adminActions(HOME_AFFAIRS).stream().filter(r -> r.detail().contains("edited"))
                .findFirst().orElseThrow();
        assertThat(record.actor()).isEqualTo("admin");
        assertThat(record.detail()).contains("before {").contains("signaturePolicy=REJECT_UNSIGNED")
                .contains("after {").contains("signaturePolicy=ACCEPT_UNSIGNED_FLAGGED").contains("token replaced")
                .doesNotContain(newToken).doesNotContain("demo-token");

        // the seed runs at every start and would otherwise put the demo token back
        SeedAgain.run(context);
        assertThat(operator.get("/api/admin/agencies/" + HOME_AFFAIRS).json().path("signaturePolicy").asText())
                .isEqualTo("ACCEPT_UNSIGNED_FLAGGED");
        assertThat(hub(HOME_AFFAIRS, newToken).pendingIds()).isNotNull();

        AdminClient.Answer cleared = admin.put("/api/admin/agencies/" + HOME_AFFAIRS, Map.of("clearToken", true));
        assertThat(cleared.json().path("tokenSet").asBoolean()).isFalse();
        assertThatThrownBy(() -> hub(HOME_AFFAIRS, newToken).pendingIds()).isInstanceOf(HubCallException.class);
    }

    void assertEditRefused(Map<String, Object> body, String field, String rule) throws Exception {
        AdminClient.Answer answer = admin.put("/api/admin/agencies/" + HOME_AFFAIRS, body);
        assertThat(answer.status()).as(body.toString()).isEqualTo(400);
        assertThat(answer.json().path("field").asText()).as(body.toString()).isEqualTo(field);
        assertThat(answer.json().path("rule").asText()).as(body.toString()).isEqualTo(rule);
    }

    @Test
    void aNewAgencyIsCreatedWithAValidCodeAndRegisteredWithTheAxis() throws Exception {
        AdminClient.Answer badCode = admin.post("/api/admin/agencies", Map.of("code", "00.53.W01",
                "name", "Trung tâm", "channel", "LOCAL"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().path("field").asText()).isEqualTo("code");
        assertThat(badCode.json().path("rule").asText()).isEqualTo("shape LLL.LL.LL.XNN");
        AdminClient.Answer noName = admin.post("/api/admin/agencies", Map.of("code", "000.00.12.H53",
                "channel", "LOCAL"));
        assertThat(noName.json().path("field").asText()).isEqualTo("name");

        String code = "000.00.12.H53";
        AdminClient.Answer created = admin.post("/api/admin/agencies", Map.of("code", code,
                "name", "Sở Thông tin và Truyền thông tỉnh Tây Ninh", "channel", "LOCAL",
                "parentId", "000.00.00.H53", "token", "demo-token-so-tttt-2026-12"));
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        assertThat(created.json().path("tokenSet").asBoolean()).isTrue();
        assertThat(hub(code, "demo-token-so-tttt-2026-12").pendingIds()).isEmpty();
        assertThat(admin.post("/api/admin/agencies", Map.of("code", code, "name", "x", "channel", "LOCAL"))
                .status()).isEqualTo(409);

        AdminClient.Answer registered = admin.post("/api/admin/agencies/" + code + "/register", null);
        assertThat(registered.status()).as(String.valueOf(registered.json())).isEqualTo(200);
        // asked the way the bus's directory synchronisation asks: the axis now lists the agency
        assertThat(context.getBean(AxisClient.class).getAgenciesList()).extracting(AxisAgency::code).contains(code);
        assertThat(adminActions(code)).extracting(AuditRecord::detail)
                .anyMatch(d -> d.contains("created")).anyMatch(d -> d.contains("registered with the axis"));

        AdminClient.Answer national = admin.post("/api/admin/agencies/000.00.00.G22/register", null);
        assertThat(national.status()).isEqualTo(409);
        assertThat(national.json().path("rule").asText()).isEqualTo("local-agency");
    }

    @Test
    void registeringACodeTheAxisGivesToAnotherSystemIsRefusedWithTheAxisReason() throws Exception {
        String foreign = axis.directory().stream().map(AxisAgency::code)
                .filter(c -> AgencyCodes.conforms(c) && !c.endsWith("H53")).findFirst().orElseThrow();
        axis.route(foreign, "00.01.W00");
        assertThat(admin.post("/api/admin/agencies", Map.of("code", foreign, "name", "Đơn vị thử",
                "channel", "LOCAL")).status()).isEqualTo(201);
        AdminClient.Answer refused = admin.post("/api/admin/agencies/" + foreign + "/register", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("AXIS_REFUSED");
        assertThat(refused.json().path("rule").asText()).isEqualTo("AGENCY_CONFLICT");
        assertThat(adminActions(foreign)).extracting(r -> r.outcome().name()).contains("REFUSED");
    }

    @Test
    void theOpenApiDocumentDescribesEveryAdminEndpointWithASummaryAndItsErrors() throws Exception {
        AdminClient.Answer docs = operator.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        Map<String, List<String>> expected = new HashMap<>();
        expected.put("/api/admin/routes", List.of("get"));
        expected.put("/api/admin/routes/{id}", List.of("get"));
        expected.put("/api/admin/routes/{id}/start", List.of("post"));
        expected.put("/api/admin/routes/{id}/stop", List.of("post"));
        expected.put("/api/admin/routes/{id}/suspend", List.of("post"));
        expected.put("/api/admin/routes/{id}/resume", List.of("post"));
        expected.put("/api/admin/routes/{id}/settings", List.of("put"));
        expected.put("/api/admin/queues", List.of("get"));
        expected.put("/api/admin/queues/{queue}/messages", List.of("get"));
        expected.put("/api/admin/queues/{queue}/messages/{id}", List.of("get"));
        expected.put("/api/admin/queues/{queue}/messages/{id}/retry", List.of("post"));
        expected.put("/api/admin/queues/{queue}/retry-all", List.of("post"));
        expected.put("/api/admin/queues/{queue}/messages/{id}/discard", List.of("post"));
        expected.put("/api/admin/agencies", List.of("get", "post"));
        expected.put("/api/admin/agencies/{code}", List.of("get", "put"));
        expected.put("/api/admin/agencies/{code}/register", List.of("post"));
        expected.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.isObject()).as(method + " " + path).isTrue();
            assertThat(operation.path("summary").asText()).as(method + " " + path).isNotBlank();
            List<String> statuses = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            if (!path.equals("/api/admin/routes") && !path.equals("/api/admin/queues")) {
                assertThat(statuses).as(method + " " + path).anyMatch(s -> s.startsWith("4") || s.startsWith("5"));
            }
        }));
        assertThat(docs.json().path("components").path("schemas").path("Body").path("properties").has("rule"))
                .isTrue();
        assertThat(operator.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
