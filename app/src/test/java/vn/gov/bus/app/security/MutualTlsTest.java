package vn.gov.bus.app.security;

import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;

/**
 * The bus on a real HTTPS port (Tomcat, client-auth "want") with BouncyCastle-made certificates: a
 * system whose client certificate's subject is mapped calls the enterprise lookup without a token;
 * an unmapped certificate or none still needs the token; a certificate from a CA the connector
 * does not trust does not even finish the handshake. People's answers carry HSTS over HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=100",
        "bus.axis.poll-enabled=false",
        "bus.directory.sync-enabled=false",
        "bus.feeds.enabled=false",
        "bus.mail.incoming.enabled=false",
        "server.ssl.enabled=true",
        "server.ssl.key-store-type=PKCS12",
        "server.ssl.key-store-password=test-store",
        "server.ssl.key-alias=key",
        "server.ssl.client-auth=want",
        "server.ssl.trust-store-type=PKCS12",
        "server.ssl.trust-store-password=test-store",
        "bus.security.client-certificates[0].subject=CN=mot-cua, OU=Trung tam Phuc vu hanh chinh cong, O=UBND tinh Tay Ninh, C=VN",
        "bus.security.client-certificates[0].system=mot-cua",
        "bus.security.client-certificates[1].subject=CN=000.00.01.H53,O=Van phong UBND tinh Tay Ninh,C=VN",
        "bus.security.client-certificates[1].system=000.00.01.H53"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MutualTlsTest {

    static final String MAPPED = "CN=mot-cua,OU=Trung tam Phuc vu hanh chinh cong,O=UBND tinh Tay Ninh,C=VN";
    static final String OFFICE_CERTIFICATE = "CN=000.00.01.H53,O=Van phong UBND tinh Tay Ninh,C=VN";

    @TempDir
    static Path dataDir;
    static TlsCertificates pki;
    static TlsCertificates.Issued server;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SimulatorTestPorts.register(registry, dataDir);
        pki = new TlsCertificates("CN=Bus test TLS CA,O=Bus test");
        server = pki.server();
        Path keyStore = server.writeKeyStore(dataDir.resolve("server.p12"));
        Path trustStore = pki.writeTrustStore(dataDir.resolve("clients-ca.p12"));
        registry.add("server.ssl.key-store", keyStore::toString);
        registry.add("server.ssl.trust-store", trustStore::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    RegistrySimulator registry;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aMappedClientCertificateIsTheSystemWithoutAToken() throws Exception {
        String code = registry.dataset().enterprise(60_002).code();
        HttpResponse<String> response = get(pki.client(MAPPED).clientContext(pki.ca), "/api/v1/enterprises/" + code, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/enterprise/code").asText()).isEqualTo(code);
    }

    @Test
    void anUnmappedCertificateOrNoneStillNeedsTheSystemsToken() throws Exception {
        String code = registry.dataset().enterprise(60_003).code();
        SSLContext unmapped = pki.client("CN=someone-else,O=UBND tinh Tay Ninh,C=VN").clientContext(pki.ca);
        SSLContext none = TlsCertificates.anonymousClient(pki.ca);

        assertThat(get(unmapped, "/api/v1/enterprises/" + code, null).statusCode()).isEqualTo(401);
        assertThat(get(none, "/api/v1/enterprises/" + code, null).statusCode()).isEqualTo(401);
        assertThat(get(none, "/api/v1/enterprises/" + code, "demo-token-mot-cua").statusCode()).isEqualTo(200);
    }

    @Test
    void aCertificateFromAnUntrustedCaWithTheMappedSubjectIsRefusedAtTheHandshake() throws Exception {
        TlsCertificates rogue = new TlsCertificates("CN=Bus test TLS CA,O=Bus test");
        SSLContext impostor = rogue.client(MAPPED).clientContext(pki.ca);
        String code = registry.dataset().enterprise(60_004).code();
        assertThatThrownBy(() -> get(impostor, "/api/v1/enterprises/" + code, null)).isInstanceOf(IOException.class);
    }

    @Test
    void peoplesAnswersOverHttpsCarryHstsAndAMappedCertificateIsNoPerson() throws Exception {
        SSLContext none = TlsCertificates.anonymousClient(pki.ca);
        HttpResponse<String> login = get(none, "/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow())
                .contains("max-age=31536000").contains("includeSubDomains");
        assertThat(get(pki.client(MAPPED).clientContext(pki.ca), "/api/me", null).statusCode()).isEqualTo(401);
        HttpResponse<String> me = send(none, TestUsers.AUDITOR.authorize(HttpRequest.newBuilder(uri("/api/me"))));
        assertThat(me.statusCode()).isEqualTo(200);
    }

    @Test
    void onTheSoapServicesAMappedCertificateStandsForTheTokenOfItsOwnSystemOnly() throws Exception {
        SSLContext office = pki.client(OFFICE_CERTIFICATE).clientContext(pki.ca);
        SSLContext none = TlsCertificates.anonymousClient(pki.ca);

        HttpResponse<String> pending = soap(office, "/services/hub", "urn:vn:gov:bus:hub:1:GetPendingDocumentIds",
                hubEnvelope(OFFICE, "no-token-needed"));
        HttpResponse<String> withoutCertificate = soap(none, "/services/hub",
                "urn:vn:gov:bus:hub:1:GetPendingDocumentIds", hubEnvelope(OFFICE, "no-token-needed"));
        HttpResponse<String> anotherOrgan = soap(office, "/services/hub", "urn:vn:gov:bus:hub:1:GetPendingDocumentIds",
                hubEnvelope("000.00.05.H53", "no-token-needed"));
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
        assertThat(pending.body()).contains("GetPendingDocumentIdsResponse");
        assertThat(withoutCertificate.statusCode()).isEqualTo(500);
        assertThat(withoutCertificate.body()).contains("AUTH_FAILED");
        assertThat(anotherOrgan.body()).contains("AUTH_FAILED");

        String code = registry.dataset().enterprise(60_005).code();
        HttpResponse<String> lookup = soap(pki.client(MAPPED).clientContext(pki.ca), "/services/enterprise-lookup",
                "urn:vn:gov:bus:enterprise:1:GetEnterprise", lookupEnvelope("mot-cua", code));
        HttpResponse<String> claimingAnother = soap(pki.client(MAPPED).clientContext(pki.ca),
                "/services/enterprise-lookup", "urn:vn:gov:bus:enterprise:1:GetEnterprise", lookupEnvelope("thue", code));
        assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
        assertThat(lookup.body()).contains(code);
        assertThat(claimingAnother.body()).contains("AUTH_FAILED");
    }

    static String hubEnvelope(String organId, String token) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:h=\"urn:vn:gov:bus:hub:1\">"
                + "<soap:Header><h:AgencyCredentials><h:organId>" + organId + "</h:organId><h:token>" + token
                + "</h:token></h:AgencyCredentials></soap:Header><soap:Body><h:GetPendingDocumentIds/></soap:Body>"
                + "</soap:Envelope>";
    }

    static String lookupEnvelope(String systemId, String code) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:e=\"urn:vn:gov:bus:enterprise:1\"><soap:Header><e:CallerCredentials>"
                + "<e:systemId>" + systemId + "</e:systemId><e:token>no-token-needed</e:token></e:CallerCredentials>"
                + "</soap:Header><soap:Body><e:GetEnterprise><e:code>" + code + "</e:code></e:GetEnterprise>"
                + "</soap:Body></soap:Envelope>";
    }

    HttpResponse<String> soap(SSLContext tls, String path, String action, String envelope) throws Exception {
        return send(tls, HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + action + "\"").POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(SSLContext tls, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(tls, request);
    }

    HttpResponse<String> send(SSLContext tls, HttpRequest.Builder request) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
