package vn.gov.bus.connectors.qlvb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A local document system talks to the hub over real SOAP/HTTP: the happy paths. */
class DocumentHubRoundTripTest {

    private static final String OFFICE = "000.00.01.H53";
    private static final String OFFICE_TOKEN = "office-token-9f2c";
    private static final String DISTRICT = "000.00.31.H53";

    private InMemoryHubBackend backend;
    private HubTestServer server;
    private LocalDocumentSystemSimulator office;

    @BeforeEach
    void startHub() {
        backend = new InMemoryHubBackend();
        HubAuthenticator authenticator = new TokenTableAuthenticator(Map.of(OFFICE, OFFICE_TOKEN));
        server = new HubTestServer(new DocumentHubEndpoint(backend, authenticator, HubLimits.ofPackageBytes(8 << 20)));
        office = new LocalDocumentSystemSimulator(server.hubUrl(), OFFICE, OFFICE_TOKEN);
    }

    @AfterEach
    void stopHub() throws Exception {
        office.close();
        server.close();
    }

    @Test
    void sendReturnsTheBusMessageIdAndHandsThePackageToTheBackendAsSent() {
        byte[] pkg = InMemoryHubBackend.utf8("<edXML>Công văn số 12/UBND-VP</edXML>");

        SendReceipt receipt = office.send(pkg);

        assertThat(receipt.messageId()).startsWith("msg-");
        assertThat(receipt.documentId()).startsWith(OFFICE + ",2025/03/12,");
        assertThat(receipt.receivedAt()).isEqualTo(Instant.parse("2025-03-12T08:00:00Z"));
        assertThat(backend.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.organId()).isEqualTo(OFFICE);
            assertThat(sent.messageType()).isEqualTo("EDOC");
            assertThat(sent.pkg()).isEqualTo(pkg);
        });
    }

    @Test
    void sendStatusIsHandedToTheBackendAsStatus() {
        office.sendStatus(InMemoryHubBackend.utf8("<edXML>status 03</edXML>"));

        assertThat(backend.sent()).singleElement().extracting(InMemoryHubBackend.Sent::messageType)
                .isEqualTo("STATUS");
    }

    @Test
    void pendingFetchConfirmCycleEmptiesThePendingList() {
        byte[] pkg = InMemoryHubBackend.utf8("<edXML>văn bản đến</edXML>");
        String id = backend.deliver(OFFICE, DISTRICT, "EDOC", "000.00.31.H53,2025/03/12,7/UBND", pkg);

        assertThat(office.pendingIds()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(id);
            assertThat(item.from()).isEqualTo(DISTRICT);
            assertThat(item.messageType()).isEqualTo("EDOC");
            assertThat(item.documentId()).isEqualTo("000.00.31.H53,2025/03/12,7/UBND");
            assertThat(item.receivedAt()).isEqualTo(Instant.parse("2025-03-12T08:30:00Z"));
        });
        assertThat(office.fetch(id)).isEqualTo(pkg);
        office.confirm(id);

        assertThat(office.pendingIds()).isEmpty();
    }

    @Test
    void pendingListShowsOnlyTheCallersPackages() {
        backend.deliver(DISTRICT, OFFICE, "EDOC", "for-the-district", InMemoryHubBackend.utf8("<edXML/>"));

        assertThat(office.pendingIds()).isEmpty();
    }

    @Test
    void runOnceFetchesAndConfirmsEveryPendingPackage() {
        backend.deliver(OFFICE, DISTRICT, "EDOC", "doc-1", InMemoryHubBackend.utf8("<edXML>1</edXML>"));
        backend.deliver(OFFICE, DISTRICT, "STATUS", "doc-1", InMemoryHubBackend.utf8("<edXML>02</edXML>"));

        ReceiveRound round = office.runOnce();

        assertThat(round.failures()).isEmpty();
        assertThat(round.received()).extracting(r -> r.item().messageType()).containsExactly("EDOC", "STATUS");
        assertThat(round.received()).extracting(r -> new String(r.pkg(), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("<edXML>1</edXML>", "<edXML>02</edXML>");
        assertThat(office.pendingIds()).isEmpty();
        assertThat(office.runOnce().received()).isEmpty();
    }

    @Test
    void listsOrganizationsWithTheirChannel() {
        backend.addOrganization(new Organization("000.00.00.G22", "Văn phòng Chính phủ", "AXIS"));
        backend.addOrganization(new Organization(DISTRICT, "UBND huyện", "LOCAL"));

        assertThat(office.organizations()).containsExactly(
                new Organization("000.00.00.G22", "Văn phòng Chính phủ", "AXIS"),
                new Organization(DISTRICT, "UBND huyện", "LOCAL"));
    }

    @Test
    void publishesTheHubWsdlWithItsVietnameseDocumentation() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(server.hubUrl() + "?wsdl")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("targetNamespace=\"urn:vn:gov:bus:hub:1\"", "DocumentHubService", "AgencyCredentials",
                        "HubFaultDetail", "Hệ thống QLVB&amp;ĐH không mở cổng lắng nghe")
                .contains(server.hubUrl().toString());
    }

    @Test
    void fiveMegabytePackageTravelsAsAnMtomAttachmentBothWays() {
        byte[] large = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(large);

        SendReceipt receipt = office.send(large);
        String id = backend.deliver(OFFICE, DISTRICT, "EDOC", "large", large);
        byte[] fetched = office.fetch(id);

        assertThat(receipt.messageId()).isNotBlank();
        assertThat(backend.sent()).singleElement().satisfies(sent -> assertThat(sent.pkg()).isEqualTo(large));
        assertThat(fetched).isEqualTo(large);
        assertThat(server.requestContentTypes().get(0))
                .startsWith("multipart/related")
                .contains("application/xop+xml");
    }
}
