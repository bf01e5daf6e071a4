package vn.gov.bus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.admin.AdminClient;
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.simulator.EnterpriseDataset;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.schemas.enterprise.CallerCredentials;
import vn.gov.bus.schemas.enterprise.EnterpriseLookup;
import vn.gov.bus.schemas.enterprise.GetEnterprise;
import vn.gov.bus.schemas.enterprise.GetEnterpriseResponse;
import vn.gov.bus.schemas.enterprise.LookupFault;

/**
 * The enterprise lookup service of the assembled bus, over its real HTTP port: REST
 * {@code GET /api/v1/enterprises/{taxCode}} and the legacy SOAP service, answered from the
 * embedded registry simulator (SOAP on its own ephemeral port, requiring the bus's HTTP Basic
 * login) through the cache in H2; and the registry's endpoint and credentials retuned live
 * through the admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=100",
        "bus.axis.poll-enabled=false",
        "bus.directory.sync-enabled=false",
        "bus.registry.retry-delay=10ms",
        "bus.registry.request-timeout=2s",
        // the embedded registry wants a login, and the bus has it: every lookup below carries it
        "bus.simulators.registry.username=" + EnterpriseLookupTest.REGISTRY_USER,
        "bus.simulators.registry.password=" + EnterpriseLookupTest.REGISTRY_PASSWORD,
        "bus.registry.username=" + EnterpriseLookupTest.REGISTRY_USER,
        "bus.registry.password=" + EnterpriseLookupTest.REGISTRY_PASSWORD})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EnterpriseLookupTest {

    static final String TOKEN = "demo-token-mot-cua";
    static final String REGISTRY_USER = "bus-tayninh";
    static final String REGISTRY_PASSWORD = "first-registry-password";
    /** A second registry's password, given to the bus as a secret it names by reference. */
    static final String SECOND_SECRET_REF = "bus.test.registry-secret-2";
    static final String SECOND_SECRET = "second-registry-password";
    static final String WRONG_SECRET_REF = "bus.test.registry-wrong-secret";
    static final String WRONG_SECRET = "not-the-registry-password";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
        registry.add(SECOND_SECRET_REF, () -> SECOND_SECRET);
        registry.add(WRONG_SECRET_REF, () -> WRONG_SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    RegistrySimulator registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditStore auditStore;
    @Autowired
    CircuitBreaker registryCircuitBreaker;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void registryBackToNormal() {
        registry.recover();
    }

    HttpResponse<String> get(String code, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/enterprises/" + code)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void restAnswersAValidTaxCodeFromTheRegistryThenFromTheCacheWithItsAge() throws Exception {
        Enterprise expected = registry.dataset().enterprise(60_001);

        HttpResponse<String> first = get(expected.code(), TOKEN);
        HttpResponse<String> second = get(expected.code(), TOKEN);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        JsonNode body = json.readTree(first.body());
        assertThat(body.at("/enterprise/code").asText()).isEqualTo(expected.code());
        assertThat(body.at("/enterprise/nameVi").asText()).isEqualTo(expected.nameVi());
        assertThat(body.at("/enterprise/nameEn").asText()).isEqualTo(expected.nameEn());
        assertThat(body.at("/enterprise/status").asText()).isEqualTo(expected.status().name());
        assertThat(body.at("/enterprise/legalRepresentative/fullName").asText())
                .isEqualTo(expected.legalRepresentative().fullName());
        assertThat(body.at("/enterprise/registrationDate").asText()).isEqualTo(expected.registrationDate().toString());
        assertThat(body.at("/enterprise/mainBusinessLine/code").asText())
                .isEqualTo(expected.mainBusinessLine().orElseThrow().code());
        assertThat(body.at("/freshness/source").asText()).isEqualTo("REGISTRY");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).at("/freshness/source").asText()).isEqualTo("CACHE");
        assertThat(second.headers().firstValue("Age")).isPresent();
    }

    @Test
    void restRefusesAWrongCheckDigitWithFieldRuleAndBothLanguagesWithoutAskingTheRegistry() throws Exception {
        long before = registry.requests();

        HttpResponse<String> response = get("0100109107", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_CODE");
        assertThat(problem.get("field").asText()).isEqualTo("taxCode");
        assertThat(problem.get("rule").asText()).isEqualTo("check-digit");
        assertThat(problem.get("messageVi").asText()).contains("Chữ số kiểm tra");
        assertThat(registry.requests()).isEqualTo(before);
    }

    @Test
    void restAnswersABranchCodeAndRefusesBranchZero() throws Exception {
        int index = registry.dataset().firstWithBranch(70_000);
        String parent = registry.dataset().code(index);

        HttpResponse<String> branch = get(parent + "-001", TOKEN);
        HttpResponse<String> zero = get(parent + "-000", TOKEN);

        assertThat(branch.statusCode()).isEqualTo(200);
        assertThat(json.readTree(branch.body()).at("/enterprise/kind").asText()).isEqualTo("BRANCH");
        assertThat(json.readTree(branch.body()).at("/enterprise/parentCode").asText()).isEqualTo(parent);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json.readTree(zero.body()).get("rule").asText()).isEqualTo("branch-suffix");
    }

    @Test
    void restAnswers404ForAValidCodeTheRegistryDoesNotKnow() throws Exception {
        HttpResponse<String> response = get(registry.dataset().unknownValidCode(), TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void restRefusesAMissingOrUnknownTokenBeforeAnyLookup() throws Exception {
        long before = registry.requests();
        String code = registry.dataset().code(60_002);

        assertThat(get(code, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get(code, "not-a-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(wrong.body()).get("code").asText()).isEqualTo("AUTH_FAILED");
        assertThat(registry.requests()).isEqualTo(before);
    }

    @Test
    void withTheRegistryDownACachedAnswerComesStaleWithItsAgeAndAnUncachedOneGets503WithRetryAfter()
            throws Exception {
        String cached = registry.dataset().code(60_003);
        assertThat(get(cached, TOKEN).statusCode()).isEqualTo(200);
        // as if fetched two days ago: past the 24 h lifetime
        jdbc.update("UPDATE registry_cache SET fetched_at = ? WHERE code = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(2))), cached);

        registry.refuseConnections();
        HttpResponse<String> stale = get(cached, TOKEN);
        HttpResponse<String> unavailable = get(registry.dataset().code(60_004), TOKEN);

        assertThat(stale.statusCode()).isEqualTo(200);
        JsonNode freshness = json.readTree(stale.body()).get("freshness");
        assertThat(freshness.get("stale").asBoolean()).isTrue();
        assertThat(freshness.get("ageSeconds").asLong()).isGreaterThanOrEqualTo(Duration.ofDays(2).toSeconds());
        assertThat(stale.headers().firstValue("Age")).isPresent();
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("30");
        JsonNode problem = json.readTree(unavailable.body());
        assertThat(problem.get("code").asText()).isEqualTo("UNAVAILABLE");
        assertThat(problem.get("messageVi").asText()).contains("thử lại sau 30 giây");
    }

    @Test
    void aRequestTheRegistryRejectsAsInvalidGets502RegistryRejectedOverRestAndSoapWithoutRetryAfter() throws Exception {
        registry.answerWithFault("INVALID_REQUEST");
        HttpResponse<String> rejected = get(registry.dataset().code(60_105), TOKEN);

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(502);
        JsonNode problem = json.readTree(rejected.body());
        assertThat(problem.get("code").asText()).isEqualTo("REGISTRY_REJECTED");
        assertThat(problem.get("message").asText()).contains("INVALID_REQUEST");
        assertThat(problem.get("messageVi").asText()).contains("không hợp lệ");
        assertThat(rejected.headers().firstValue("Retry-After")).isEmpty();
        assertThatThrownBy(() -> soapClient().getEnterprise(request(registry.dataset().code(60_106)),
                credentials("mot-cua", TOKEN)))
                .isInstanceOfSatisfying(LookupFault.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("REGISTRY_REJECTED");
                    assertThat(fault.getFaultInfo().getRetryAfterSeconds()).isNull();
                });
    }

    EnterpriseLookup soapClient() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(EnterpriseLookup.class);
        factory.setAddress("http://127.0.0.1:" + port + "/services/enterprise-lookup");
        return factory.create(EnterpriseLookup.class);
    }

    static CallerCredentials credentials(String systemId, String token) {
        CallerCredentials credentials = new CallerCredentials();
        credentials.setSystemId(systemId);
        credentials.setToken(token);
        return credentials;
    }

    static GetEnterprise request(String code) {
        GetEnterprise request = new GetEnterprise();
        request.setCode(code);
        return request;
    }

    @Test
    void soapAnswersTheSameLookupForLegacyCallers() throws Exception {
        Enterprise expected = registry.dataset().enterprise(60_005);

        GetEnterpriseResponse response = soapClient().getEnterprise(request(expected.code()),
                credentials("mot-cua", TOKEN));

        assertThat(response.getEnterprise().getNameVi()).isEqualTo(expected.nameVi());
        assertThat(response.getEnterprise().getStatus()).isEqualTo(expected.status().name());
        assertThat(response.getEnterprise().getAddress().getFullAddress()).isEqualTo(expected.address().fullAddress());
        assertThat(response.getFreshness().isStale()).isFalse();
    }

    @Test
    void soapRefusesAWrongCheckDigitAndAWrongTokenWithTheDeclaredFault() {
        EnterpriseLookup client = soapClient();

        assertThatThrownBy(() -> client.getEnterprise(request("0300588560"), credentials("mot-cua", TOKEN)))
                .isInstanceOfSatisfying(LookupFault.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("INVALID_CODE");
                    assertThat(fault.getFaultInfo().getRule()).isEqualTo("check-digit");
                    assertThat(fault.getFaultInfo().getMessageVi()).isNotBlank();
                });
        assertThatThrownBy(() -> client.getEnterprise(request("0300588569"), credentials("thue", TOKEN)))
                .isInstanceOfSatisfying(LookupFault.class,
                        fault -> assertThat(fault.getFaultInfo().getCode()).isEqualTo("AUTH_FAILED"));
    }

    HttpResponse<String> postSoap(String envelope) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/enterprise-lookup"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:vn:gov:bus:enterprise:1:GetEnterprise\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String envelope(String prolog, String code) {
        return prolog + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:e=\"urn:vn:gov:bus:enterprise:1\"><soap:Header><e:CallerCredentials>"
                + "<e:systemId>mot-cua</e:systemId><e:token>" + TOKEN + "</e:token></e:CallerCredentials>"
                + "</soap:Header><soap:Body><e:GetEnterprise><e:code>" + code + "</e:code></e:GetEnterprise>"
                + "</soap:Body></soap:Envelope>";
    }

    @Test
    void soapRefusesADoctypeAndAnOversizedRequestBeforeAnyLookup() throws Exception {
        long before = registry.requests();
        String code = registry.dataset().code(60_006);
        assertThat(postSoap(envelope("", code)).statusCode()).isEqualTo(200);
        long afterValid = registry.requests();

        HttpResponse<String> doctype = postSoap(envelope(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;"));
        HttpResponse<String> oversized = postSoap(envelope("", code + " ".repeat(40_000)));

        assertThat(afterValid - before).isEqualTo(1);
        assertThat(doctype.statusCode()).isEqualTo(500);
        assertThat(doctype.body()).contains("Fault").doesNotContain("root:");
        assertThat(oversized.statusCode()).isEqualTo(500);
        assertThat(oversized.body()).contains("Fault");
        assertThat(registry.requests()).isEqualTo(afterValid);
    }

    List<AuditRecord> everyAuditRecord() {
        return auditStore.search(AuditQuery.all(), 0, 10_000).records();
    }

    AdminClient.Answer retune(AdminClient admin, String body) throws Exception {
        return admin.put("/api/admin/routes/registry-call/settings", body);
    }

    void assertRefused(AdminClient admin, String route, String body, String field, String rule) throws Exception {
        admin.assertSettingsRefused(route, body, field, rule);
    }

    @Test
    void theRegistryEndpointAndCredentialsReferenceAreRetunedLiveAndTheSecretItselfIsNeverShownOrAudited()
            throws Exception {
        AdminClient admin = new AdminClient(port, TestUsers.ADMIN);
        URI first = registry.endpoint();
        JsonNode view = admin.get("/api/admin/routes/registry-call").json();
        assertThat(view.path("editableSettings")).extracting(JsonNode::asText)
                .contains("endpointUrl", "credentialsRef");
        assertThat(view.path("settings").path("endpointUrl").asText()).isEqualTo(first.toString());
        assertRefused(admin, "registry-call", "{\"endpointUrl\": \"ftp://dkkd.example.vn/registry\"}", "endpointUrl",
                "http-url");
        assertRefused(admin, "registry-call", "{\"endpointUrl\": \"http://bus:pw@127.0.0.1:1/registry\"}",
                "endpointUrl", "no-credentials");
        assertRefused(admin, "registry-call", "{\"credentialsRef\": \"no.such.secret\"}", "credentialsRef",
                "resolves");
        assertRefused(admin, "registry-call", "{\"credentialsRef\": \"" + SECOND_SECRET + " with spaces\"}", "credentialsRef",
                "name");
        assertRefused(admin, "registry-lookup", "{\"endpointUrl\": \"https://dkkd.example.vn/registry\"}",
                "endpointUrl", "not-applicable");
        // nothing was changed by the refused calls
        assertThat(admin.get("/api/admin/routes/registry-call").json().path("settings").path("endpointUrl").asText())
                .isEqualTo(first.toString());

        // another seed: the same tax code names another enterprise there, so the answer tells who gave it
        try (RegistrySimulator second = new RegistrySimulator("127.0.0.1", TestPorts.free(),
                new EnterpriseDataset(1_000, 7L)).requireLogin(REGISTRY_USER, SECOND_SECRET).start()) {
            // codes follow the index whatever the size: the embedded registry knows this one too
            int index = 500;
            Enterprise atSecond = second.dataset().enterprise(index);
            assertThat(atSecond.nameVi()).isNotEqualTo(registry.dataset().enterprise(index).nameVi());
            long firstAsked = registry.requests();

            AdminClient.Answer retuned = retune(admin, "{\"endpointUrl\": \"" + second.endpoint()
                    + "\", \"credentialsRef\": \"" + SECOND_SECRET_REF + "\"}");
            assertThat(retuned.status()).as(String.valueOf(retuned.json())).isEqualTo(200);
            assertThat(retuned.json().path("settings").path("endpointUrl").asText())
                    .isEqualTo(second.endpoint().toString());
            assertThat(retuned.json().path("settings").path("credentialsRef").asText()).isEqualTo(SECOND_SECRET_REF);
            assertThat(retuned.json().toString()).doesNotContain(SECOND_SECRET);

            HttpResponse<String> answered = get(atSecond.code(), TOKEN);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            JsonNode body = json.readTree(answered.body());
            assertThat(body.at("/enterprise/nameVi").asText()).isEqualTo(atSecond.nameVi());
            assertThat(body.at("/freshness/source").asText()).isEqualTo("REGISTRY");
            // the second registry checked the login with its own password: both settings were applied
            assertThat(second.requests()).isEqualTo(1);
            assertThat(registry.requests()).isEqualTo(firstAsked);

            // a wrong secret: refused by the registry, told at once and specifically, not retried, breaker closed
            assertThat(retune(admin, "{\"credentialsRef\": \"" + WRONG_SECRET_REF + "\"}").status()).isEqualTo(200);
            long refusedBefore = second.refusedLogins();
            HttpResponse<String> refused = get(second.dataset().code(index + 1), TOKEN);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("code").asText()).isEqualTo("REGISTRY_REFUSED");
            assertThat(problem.get("message").asText()).contains("HTTP 401").doesNotContain(WRONG_SECRET);
            assertThat(problem.get("messageVi").asText()).contains("thông tin xác thực");
            assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
            assertThatThrownBy(() -> soapClient().getEnterprise(request(second.dataset().code(index + 2)),
                    credentials("mot-cua", TOKEN)))
                    .isInstanceOfSatisfying(LookupFault.class, fault -> {
                        assertThat(fault.getFaultInfo().getCode()).isEqualTo("REGISTRY_REFUSED");
                        assertThat(fault.getFaultInfo().getRetryAfterSeconds()).isNull();
                    });
            // one attempt per lookup, although the bus retries a failing registry twice
            assertThat(second.refusedLogins()).isEqualTo(refusedBefore + 2);
            assertThat(second.requests()).isEqualTo(1);
            assertThat(registryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

            List<AuditRecord> changes = auditStore.search(new AuditQuery(null, null, null, null, "registry-call",
                    AuditStep.ADMIN_ACTION, null, null, null), 0, 100).records();
            assertThat(changes).anySatisfy(r -> assertThat(r.detail()).contains(SECOND_SECRET_REF));
            assertThat(changes).anySatisfy(r -> assertThat(r.detail()).contains(WRONG_SECRET_REF));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(everyAuditRecord())
                    .anySatisfy(r -> assertThat(r.detail()).contains("result=REFUSED")));
            assertThat(everyAuditRecord()).allSatisfy(r -> assertThat(r.detail()).doesNotContain(SECOND_SECRET)
                    .doesNotContain(WRONG_SECRET).doesNotContain(REGISTRY_PASSWORD));
        } finally {
            // empty values clear the settings: the configured registry and password are in force again
            AdminClient.Answer back = retune(admin, "{\"endpointUrl\": \"\", \"credentialsRef\": \"\"}");
            assertThat(back.status()).as(String.valueOf(back.json())).isEqualTo(200);
            assertThat(back.json().path("settings").path("endpointUrl").asText())
                    .isEqualTo(view.path("settings").path("endpointUrl").asText());
        }
        long firstAsked = registry.requests();
        assertThat(get(registry.dataset().code(502), TOKEN).statusCode()).isEqualTo(200);
        assertThat(registry.requests()).isEqualTo(firstAsked + 1);
    }
}
