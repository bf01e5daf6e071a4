package vn.gov.bus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;
import vn.gov.bus.schemas.enterprise.CallerCredentials;
import vn.gov.bus.schemas.enterprise.EnterpriseLookup;
import vn.gov.bus.schemas.enterprise.GetEnterprise;
import vn.gov.bus.schemas.enterprise.GetEnterpriseResponse;
import vn.gov.bus.schemas.enterprise.LookupFault;

/**
 * The enterprise lookup service of the assembled bus, over its real HTTP port: REST
 * {@code GET /api/v1/enterprises/{taxCode}} and the legacy SOAP service, answered from the
 * embedded registry simulator (SOAP on its own ephemeral port) through the cache in H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=100",
        "bus.axis.poll-enabled=false",
        "bus.directory.sync-enabled=false",
        "bus.registry.retry-delay=10ms",
        "bus.registry.request-timeout=2s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EnterpriseLookupTest {

    static final String TOKEN = "demo-token-mot-cua";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @LocalServerPort
    int port;
    @Autowired
    RegistrySimulator registry;
    @Autowired
    JdbcTemplate jdbc;

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
}
