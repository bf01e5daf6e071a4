package vn.gov.bus.connectors.qlvb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests beyond the configured limits are refused with a fault that names the limit. */
class DocumentHubLimitsTest {

    private static final String OFFICE = "000.00.01.H53";
    private static final String TOKEN = "office-token-9f2c";
    private static final HubLimits LIMITS = HubLimits.ofPackageBytes(1024 * 1024);

    private InMemoryHubBackend backend;
    private HubTestServer server;

    @BeforeEach
    void startHub() {
        backend = new InMemoryHubBackend();
        HubAuthenticator authenticator = (organId, token) -> OFFICE.equals(organId) && TOKEN.equals(token);
        server = new HubTestServer(new DocumentHubEndpoint(backend, authenticator, LIMITS));
    }

    @AfterEach
    void stopHub() throws Exception {
        server.close();
    }

    @Test
    void packageExactlyAtTheLimitIsAccepted() {
        try (var office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, TOKEN)) {
            office.send(new byte[(int) LIMITS.maxPackageBytes()]);
        }

        assertThat(backend.sent()).singleElement()
                .satisfies(sent -> assertThat(sent.pkg()).hasSize((int) LIMITS.maxPackageBytes()));
    }

    @Test
    void mtomPackageOverTheLimitIsRefusedWithAttachmentTooLarge() {
        try (var office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, TOKEN)) {
            for (int size : new int[] {(int) LIMITS.maxPackageBytes() + 1, 20 * 1024 * 1024}) {
                HubCallException refused = catchThrowableOfType(HubCallException.class, () -> office.send(new byte[size]));

                assertThat(refused.code()).isEqualTo("ATTACHMENT_TOO_LARGE");
                assertThat(refused.field()).isEqualTo("package");
                assertThat(refused.rule()).isEqualTo("max-package-bytes=1048576");
            }
        }
        assertThat(backend.sent()).isEmpty();
    }

    @Test
    void inlineBase64PackageOverTheLimitIsRefusedWithAttachmentTooLarge() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(new byte[(int) LIMITS.maxPackageBytes() + 3]);

        HttpResponse<String> response = RawSoap.post(server.hubUrl(), RawSoap.envelope(OFFICE, TOKEN,
                "<h:SendDocument><h:messageType>EDOC</h:messageType><h:package>" + base64
                        + "</h:package></h:SendDocument>"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>ATTACHMENT_TOO_LARGE</code>", "<field>package</field>");
        assertThat(backend.sent()).isEmpty();
    }

    @Test
    void requestDeclaringMoreThanTheMessageLimitIsRefusedBeforeParsing() throws Exception {
        byte[] body = new byte[(int) LIMITS.maxMessageBytes() + 1];

        HttpResponse<String> response = RawSoap.post(server.hubUrl(), "text/xml; charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>ATTACHMENT_TOO_LARGE</code>", "<field>Content-Length</field>",
                "<rule>max-message-bytes=" + LIMITS.maxMessageBytes() + "</rule>");
    }

    @Test
    void chunkedRequestWithAnUnreferencedOversizedAttachmentIsRefusedWithAFault() throws Exception {
        byte[] body = multipart(RawSoap.envelope(OFFICE, TOKEN, "<h:GetOrganizations/>"),
                new byte[(int) LIMITS.maxMessageBytes() + 1]);

        // ofInputStream has no known length, so the body goes chunked, without Content-Length.
        HttpResponse<String> response = RawSoap.post(server.hubUrl(), MULTIPART_TYPE,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>ATTACHMENT_TOO_LARGE</code>");
    }

    @Test
    void cxfIsConfiguredWithTheDocumentedEnvelopeLimits() {
        assertThat(LIMITS.cxfProperties())
                .containsEntry("org.apache.cxf.stax.maxTextLength", 1398104)
                .containsEntry("org.apache.cxf.stax.maxElementCount", 1_000L)
                .containsEntry("org.apache.cxf.stax.maxElementDepth", 32)
                .containsEntry("attachment-max-size", 1024L * 1024)
                .containsKeys("org.apache.cxf.stax.maxXMLCharacters", "org.apache.cxf.stax.maxAttributeCount",
                        "org.apache.cxf.stax.maxAttributeSize", "org.apache.cxf.stax.maxChildElements",
                        "attachment-max-count");
    }

    @Test
    void envelopeDeeperThanTheLimitIsRefusedAsMalformed() throws Exception {
        // In a header nobody reads, so only the parser's depth limit can stop it.
        String deep = "<x:Note xmlns:x=\"urn:example\">" + "<x:a>".repeat(40) + "</x:a>".repeat(40) + "</x:Note>";

        HttpResponse<String> response = RawSoap.post(server.hubUrl(), RawSoap.envelope(OFFICE, TOKEN,
                "<h:GetOrganizations/>").replace("</soap:Header>", deep + "</soap:Header>"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<code>MALFORMED_XML</code>").containsIgnoringCase("depth");
    }

    static final String BOUNDARY = "hub-test-boundary";
    static final String MULTIPART_TYPE = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"<root.message>\"; start-info=\"text/xml\"";

    /** An MTOM request: the envelope as root part, then one binary part (cid:package). */
    static byte[] multipart(String envelope, byte[] attachment) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-ID: <root.message>\r\n\r\n" + envelope + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <package>\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(attachment);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
