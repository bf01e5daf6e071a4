package vn.gov.bus.connectors.qlvb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-crafted requests that a generated client would never send. */
class DocumentHubHostileInputTest {

    private static final String OFFICE = "000.00.01.H53";
    private static final String TOKEN = "office-token-9f2c";

    private final AtomicInteger authentications = new AtomicInteger();
    private InMemoryHubBackend backend;
    private HubTestServer server;

    @BeforeEach
    void startHub() {
        backend = new InMemoryHubBackend();
        HubAuthenticator counting = (organId, token) -> {
            authentications.incrementAndGet();
            return OFFICE.equals(organId) && TOKEN.equals(token);
        };
        server = new HubTestServer(new DocumentHubEndpoint(backend, counting, HubLimits.ofPackageBytes(1 << 20)));
    }

    @AfterEach
    void stopHub() throws Exception {
        server.close();
    }

    @Test
    void soapRequestWithDoctypeAndExternalEntityIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOKEN-FROM-DISK-7731");
        String envelope = RawSoap.envelope(OFFICE, "&xxe;", "<h:GetOrganizations/>").replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n");

        HttpResponse<String> response = RawSoap.post(server.hubUrl(), envelope);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>DTD_FORBIDDEN</code>").doesNotContain("TOKEN-FROM-DISK-7731");
        assertThat(authentications).hasValue(0);
    }

    @Test
    void entityExpansionBombIsRefused() throws Exception {
        String envelope = RawSoap.envelope(OFFICE, "&lol3;", "<h:GetOrganizations/>").replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE soap:Envelope [<!ENTITY lol \"lol\">"
                        + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n");

        HttpResponse<String> response = RawSoap.post(server.hubUrl(), envelope);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>DTD_FORBIDDEN</code>").doesNotContain("lollol");
        assertThat(authentications).hasValue(0);
    }

    @Test
    void envelopeThatIsNotXmlIsRefusedAsMalformed() throws Exception {
        HttpResponse<String> response = RawSoap.post(server.hubUrl(), "<soap:Envelope <<");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>MALFORMED_XML</code>");
    }

    @Test
    void unknownOperationIsRefusedAsSchemaInvalid() throws Exception {
        HttpResponse<String> response = RawSoap.post(server.hubUrl(), RawSoap.envelope(OFFICE, TOKEN,
                "<h:DeleteEverything/>"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>SCHEMA_INVALID</code>");
    }

    @Test
    void missingCredentialsHeaderIsAuthFailed() throws Exception {
        String noHeader = RawSoap.envelope(OFFICE, TOKEN, "<h:GetOrganizations/>")
                .replaceAll("(?s)<soap:Header>.*</soap:Header>", "");

        HttpResponse<String> response = RawSoap.post(server.hubUrl(), noHeader);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>AUTH_FAILED</code>");
    }

    @Test
    void plainSoapClientGetsThePackageInlineAndMtomClientGetsAnAttachment() throws Exception {
        byte[] pkg = InMemoryHubBackend.utf8("<edXML>văn bản</edXML>");
        String id = backend.deliver(OFFICE, "000.00.31.H53", "EDOC", "doc", pkg);
        String getDocument = RawSoap.envelope(OFFICE, TOKEN, "<h:GetDocument><h:id>" + id + "</h:id></h:GetDocument>");

        HttpResponse<String> plain = RawSoap.post(server.hubUrl(), getDocument);
        HttpResponse<String> mtom = RawSoap.post(server.hubUrl(), DocumentHubLimitsTest.MULTIPART_TYPE,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        DocumentHubLimitsTest.multipart(getDocument, new byte[0])));

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(plain.body()).contains(java.util.Base64.getEncoder().encodeToString(pkg));
        assertThat(mtom.statusCode()).isEqualTo(200);
        assertThat(mtom.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("multipart/related").contains("application/xop+xml"));
        assertThat(mtom.body()).contains("<xop:Include").contains("<edXML>văn bản</edXML>");
    }
}
