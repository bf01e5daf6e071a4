package vn.gov.bus.connectors.qlvb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal reaches the local document system as a HubFault with code, field and rule. */
class DocumentHubFaultTest {

    private static final String OFFICE = "000.00.01.H53";
    private static final String OFFICE_TOKEN = "office-token-9f2c";
    private static final byte[] PACKAGE = InMemoryHubBackend.utf8("<edXML>Công văn</edXML>");

    private InMemoryHubBackend backend;
    private HubTestServer server;

    @BeforeEach
    void startHub() {
        backend = new InMemoryHubBackend();
        HubAuthenticator authenticator = new TokenTableAuthenticator(Map.of(OFFICE, OFFICE_TOKEN));
        server = new HubTestServer(new DocumentHubEndpoint(backend, authenticator, HubLimits.ofPackageBytes(1 << 20)));
    }

    @AfterEach
    void stopHub() throws Exception {
        server.close();
    }

    @Test
    void wrongTokenIsRefusedWithAuthFailedBeforeTheBackendSeesThePackage() {
        try (var intruder = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, "guessed-token")) {
            HubCallException refused = catchThrowableOfType(HubCallException.class, () -> intruder.send(PACKAGE));

            assertThat(refused.code()).isEqualTo("AUTH_FAILED");
            assertThat(refused.field()).isEqualTo("AgencyCredentials");
            assertThat(backend.sent()).isEmpty();
        }
    }

    @Test
    void unknownOrganGetsExactlyTheSameAnswerAsAWrongToken() {
        HubCallException wrongToken;
        HubCallException unknownOrgan;
        try (var a = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, "guessed-token");
             var b = new LocalDocumentSystemSimulator(server.hubUrl(), "999.99.99.H99", "guessed-token")) {
            wrongToken = catchThrowableOfType(HubCallException.class, a::pendingIds);
            unknownOrgan = catchThrowableOfType(HubCallException.class, b::pendingIds);
        }

        assertThat(unknownOrgan.code()).isEqualTo(wrongToken.code()).isEqualTo("AUTH_FAILED");
        assertThat(unknownOrgan.field()).isEqualTo(wrongToken.field());
        assertThat(unknownOrgan.rule()).isEqualTo(wrongToken.rule());
        assertThat(unknownOrgan.getMessage()).isEqualTo(wrongToken.getMessage());
    }

    @Test
    void everyOperationRequiresCredentials() {
        try (var intruder = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, "guessed-token")) {
            assertThat(catchThrowableOfType(HubCallException.class, intruder::organizations).code())
                    .isEqualTo("AUTH_FAILED");
            assertThat(catchThrowableOfType(HubCallException.class, () -> intruder.fetch("pending-1")).code())
                    .isEqualTo("AUTH_FAILED");
            assertThat(catchThrowableOfType(HubCallException.class, () -> intruder.confirm("pending-1")).code())
                    .isEqualTo("AUTH_FAILED");
        }
    }

    @Test
    void backendRejectionReachesTheCallerWithTheSameCodeFieldAndRule() {
        backend.rejectNextSend(new HubRejection(HubErrorCode.UNKNOWN_RECIPIENT, "MessageHeader/To[2]/OrganId",
                "known-recipient", "000.00.99.H53 is not in the agency directory"));
        try (var office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, OFFICE_TOKEN)) {
            HubCallException refused = catchThrowableOfType(HubCallException.class, () -> office.send(PACKAGE));

            assertThat(refused.code()).isEqualTo("UNKNOWN_RECIPIENT");
            assertThat(refused.field()).isEqualTo("MessageHeader/To[2]/OrganId");
            assertThat(refused.rule()).isEqualTo("known-recipient");
            assertThat(refused.getMessage()).isEqualTo("000.00.99.H53 is not in the agency directory");
            assertThat(refused.messageVi())
                    .isEqualTo("Nơi nhận không có trong danh bạ cơ quan (trường MessageHeader/To[2]/OrganId).");
        }
    }

    @Test
    void fetchingAnotherOrgansPackageIsNotFound() {
        String id = backend.deliver("000.00.31.H53", OFFICE, "EDOC", "doc", PACKAGE);
        try (var office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, OFFICE_TOKEN)) {
            HubCallException refused = catchThrowableOfType(HubCallException.class, () -> office.fetch(id));

            assertThat(refused.code()).isEqualTo("NOT_FOUND");
            assertThat(refused.field()).isEqualTo("id");
        }
    }

    @Test
    void overlongIdIsRefusedNamingTheFieldAndItsLimit() {
        try (var office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, OFFICE_TOKEN)) {
            HubCallException refused = catchThrowableOfType(HubCallException.class, () -> office.confirm("x".repeat(129)));

            assertThat(refused.code()).isEqualTo("FIELD_TOO_LONG");
            assertThat(refused.field()).isEqualTo("id");
            assertThat(refused.rule()).isEqualTo("maxLength=128");
        }
    }

    @Test
    void runtimeFailureInTheBackendBecomesUnavailableWithoutLeakingItsCause() throws Exception {
        backend.failWith(new IllegalStateException("JDBC password=hunter2 rejected by db01.internal"));
        try (var office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, OFFICE_TOKEN)) {
            HubCallException refused = catchThrowableOfType(HubCallException.class, () -> office.send(PACKAGE));

            assertThat(refused.code()).isEqualTo("UNAVAILABLE");
            assertThat(refused.getMessage()).contains("incident").doesNotContain("hunter2", "db01", "IllegalState");
        }

        HttpResponse<String> raw = RawSoap.post(server.hubUrl(), RawSoap.envelope(OFFICE, OFFICE_TOKEN,
                "<h:GetOrganizations/>"));
        assertThat(raw.statusCode()).isEqualTo(500);
        assertThat(raw.body()).contains("<code>UNAVAILABLE</code>")
                .doesNotContain("hunter2", "db01", "IllegalStateException", "at vn.gov.bus", "Exception");
    }

    @Test
    void faultsForCallerErrorsAreClientFaultsAndUnavailableIsAServerFault() throws Exception {
        HttpResponse<String> authFailed = RawSoap.post(server.hubUrl(), RawSoap.envelope(OFFICE, "wrong",
                "<h:GetOrganizations/>"));
        backend.failWith(new IllegalStateException("down"));
        HttpResponse<String> unavailable = RawSoap.post(server.hubUrl(), RawSoap.envelope(OFFICE, OFFICE_TOKEN,
                "<h:GetOrganizations/>"));

        assertThat(authFailed.body()).contains(":Client</faultcode>").contains("<code>AUTH_FAILED</code>");
        assertThat(unavailable.body()).contains(":Server</faultcode>").contains("<code>UNAVAILABLE</code>");
    }

    @Test
    void receiveTimeoutBoundsTheWaitForAHubThatDoesNotAnswer() {
        CountDownLatch gate = new CountDownLatch(1);
        backend.holdSendsUntil(gate);
        try (var office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, OFFICE_TOKEN,
                Duration.ofSeconds(5), Duration.ofMillis(300))) {
            HubCallException failed = catchThrowableOfType(HubCallException.class, () -> office.send(PACKAGE));

            assertThat(failed.code()).isEqualTo(HubCallException.UNREACHABLE);
        } finally {
            gate.countDown();
        }
    }

    @Test
    void unreachableHubIsReportedAsUnreachable() throws Exception {
        URI closedPort;
        try (var probe = new java.net.ServerSocket(0)) {
            closedPort = URI.create("http://localhost:" + probe.getLocalPort() + "/services/hub");
        }
        try (var office = new LocalDocumentSystemSimulator(closedPort, OFFICE, OFFICE_TOKEN)) {
            assertThat(catchThrowableOfType(HubCallException.class, office::pendingIds).code())
                    .isEqualTo(HubCallException.UNREACHABLE);
        }
    }

    @Test
    void messageTypeOutsideTheEnumerationIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> raw = RawSoap.post(server.hubUrl(), RawSoap.envelope(OFFICE, OFFICE_TOKEN,
                "<h:SendDocument><h:messageType>MEMO</h:messageType><h:package>PGVkWE1MLz4=</h:package></h:SendDocument>"));

        assertThat(raw.statusCode()).isEqualTo(500);
        assertThat(raw.body()).contains("<code>SCHEMA_INVALID</code>").contains("<field>messageType</field>");
        assertThat(backend.sent()).isEmpty();
    }
}
