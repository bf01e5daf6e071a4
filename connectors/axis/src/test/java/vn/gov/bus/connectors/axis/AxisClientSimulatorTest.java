package vn.gov.bus.connectors.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.connectors.axis.simulator.InboxEntry;
import vn.gov.bus.connectors.axis.simulator.ReceivedPackage;

/** The client against the simulator over real HTTP on an ephemeral port. */
class AxisClientSimulatorTest {

    private static final String TAY_NINH = "00.53.W00";
    private static final String TAY_NINH_SECRET = "secret-tay-ninh";
    private static final String TAY_NINH_ORGAN = "000.00.00.H53";
    private static final String DA_NANG = "00.15.W00";
    private static final String DA_NANG_SECRET = "secret-da-nang";
    private static final String DA_NANG_ORGAN = "000.00.00.H15";
    private static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    private static final Pattern CODE_SHAPE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[GHA]\\d{2}");

    private AxisSimulator simulator;
    private AxisClient tayNinh;
    private AxisClient daNang;

    @BeforeEach
    void startSimulator() {
        simulator = new AxisSimulator(AxisSimulatorConfig.builder()
                .system(TAY_NINH, TAY_NINH_SECRET)
                .system(DA_NANG, DA_NANG_SECRET)
                .route(DA_NANG_ORGAN, DA_NANG)
                .route(TAY_NINH_ORGAN, TAY_NINH)
                .directorySize(50)
                .build()).start();
        tayNinh = new AxisClient(config(TAY_NINH, TAY_NINH_SECRET, TAY_NINH_ORGAN, Duration.ofSeconds(10)));
        daNang = new AxisClient(config(DA_NANG, DA_NANG_SECRET, DA_NANG_ORGAN, Duration.ofSeconds(10)));
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private AxisClientConfig config(String systemId, String secret, String organ, Duration requestTimeout) {
        return new AxisClientConfig(simulator.endpoint(), systemId, secret, organ, Duration.ofSeconds(2), requestTimeout);
    }

    @Test
    void sendEdocIsAcceptedAndStoredWithParsedHeader() {
        String documentId = "000.00.00.H53,2025/01/15,7816/UBND-VP";
        byte[] pkg = EdxmlSamples.edoc(documentId, TAY_NINH_ORGAN, List.of(GOVERNMENT_OFFICE, "000.00.01.G22"));

        AxisSendResult result = tayNinh.sendEdoc(pkg, "edoc");

        assertThat(result.docId()).isNotBlank();
        assertThat(result.contentSha256()).isEqualTo(AxisRequestSigner.sha256Hex(pkg));
        assertThat(simulator.received()).singleElement().satisfies(received -> {
            assertThat(received.docId()).isEqualTo(result.docId());
            assertThat(received.senderSystemId()).isEqualTo(TAY_NINH);
            assertThat(received.documentId()).isEqualTo(documentId);
            assertThat(received.fromOrganId()).isEqualTo(TAY_NINH_ORGAN);
            assertThat(received.toOrganIds()).containsExactly(GOVERNMENT_OFFICE, "000.00.01.G22");
            assertThat(received.messageType()).isEqualTo("edoc");
            assertThat(received.content()).isEqualTo(pkg);
            assertThat(received.receivedAt()).isNotNull();
        });
        assertThat(simulator.countByDocumentId(documentId)).isEqualTo(1);
    }

    @Test
    void wrongSecretIsRejectedWithInvalidSignature() {
        AxisClient impostor = new AxisClient(config(TAY_NINH, "not-the-secret", TAY_NINH_ORGAN, Duration.ofSeconds(5)));
        byte[] pkg = EdxmlSamples.edoc("doc-1", TAY_NINH_ORGAN, List.of(GOVERNMENT_OFFICE));

        assertThatThrownBy(() -> impostor.sendEdoc(pkg, "edoc"))
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_SIGNATURE");
                    assertThat(e.operation()).isEqualTo("sendEdoc");
                    assertThat(e.getMessage()).contains("INVALID_SIGNATURE").doesNotContain("not-the-secret");
                });
        assertThat(simulator.received()).isEmpty();
    }

    @Test
    void unknownSystemIsRejected() {
        AxisClient stranger = new AxisClient(config("00.99.W00", "whatever", "000.00.00.H99", Duration.ofSeconds(5)));

        assertThatThrownBy(stranger::getAgenciesList)
                .isInstanceOfSatisfying(AxisRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("UNKNOWN_SYSTEM"));
    }

    @Test
    void tamperedBodyIsRejectedWithHashMismatch() throws Exception {
        byte[] signedBody = EdxmlSamples.edoc("doc-1", TAY_NINH_ORGAN, List.of(GOVERNMENT_OFFICE));
        byte[] sentBody = EdxmlSamples.edoc("doc-1", TAY_NINH_ORGAN, List.of(GOVERNMENT_OFFICE, DA_NANG_ORGAN));
        AxisRequestSigner signer = new AxisRequestSigner();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("systemid", TAY_NINH);
        fields.put("timestamp", signer.currentTimestamp());
        fields.put("from", TAY_NINH_ORGAN);
        fields.put("servicetype", "eDoc");
        fields.put("messagetype", "edoc");
        fields.put("hash-file", AxisRequestSigner.sha256Hex(signedBody));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + "/sendEdoc"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sentBody));
        signer.sign(fields, TAY_NINH_SECRET).forEach(request::header);

        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode answer = new ObjectMapper().readTree(response.body());
        assertThat(answer.get("status").asText()).isEqualTo("FAIL");
        assertThat(answer.get("ErrorCode").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(answer.get("ErrorDesc").asText()).contains(AxisRequestSigner.sha256Hex(sentBody));
        assertThat(simulator.received()).isEmpty();
    }

    @Test
    void staleTimestampIsRejected() {
        AxisRequestSigner slowClock = new AxisRequestSigner(new SortedJsonCanonicalizer(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)), AxisRequestSigner.DEFAULT_ALLOWED_SKEW);
        AxisClient late = new AxisClient(config(TAY_NINH, TAY_NINH_SECRET, TAY_NINH_ORGAN, Duration.ofSeconds(5)),
                slowClock);

        assertThatThrownBy(() -> late.getReceivedEdocList("edoc"))
                .isInstanceOfSatisfying(AxisRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("STALE_TIMESTAMP"));
    }

    @Test
    void sentListFindsPackageByItsDocumentId() {
        String wanted = "000.00.00.H53,2025/01/15,12/QĐ-UBND";
        String sentFirst = tayNinh.sendEdoc(EdxmlSamples.edoc("000.00.00.H53,2025/01/15,11/UBND-VP", TAY_NINH_ORGAN,
                List.of(GOVERNMENT_OFFICE)), "edoc").docId();
        String sentSecond = tayNinh.sendEdoc(EdxmlSamples.edoc(wanted, TAY_NINH_ORGAN,
                List.of(GOVERNMENT_OFFICE)), "edoc").docId();

        List<AxisSentItem> filtered = tayNinh.getSentEdocList(wanted);
        List<AxisSentItem> all = tayNinh.getSentEdocList(null);

        assertThat(filtered).singleElement().satisfies(item -> {
            assertThat(item.docId()).isEqualTo(sentSecond);
            assertThat(item.documentId()).isEqualTo(wanted);
            assertThat(item.from()).isEqualTo(TAY_NINH_ORGAN);
            assertThat(item.to()).containsExactly(GOVERNMENT_OFFICE);
            assertThat(item.sendStatus()).isEqualTo("OK");
            assertThat(item.receiveStatus()).isEqualTo("unrouted");
            assertThat(item.createdTime()).isNotNull();
        });
        assertThat(all).extracting(AxisSentItem::docId).containsExactly(sentFirst, sentSecond);
        assertThat(daNang.getSentEdocList(null)).isEmpty();
    }

    @Test
    void injectedIncomingPackageIsListedDownloadedAndAcknowledged() {
        byte[] pkg = EdxmlSamples.edoc("000.00.00.G22,2025/01/15,7816/VPCP-TTĐT", GOVERNMENT_OFFICE,
                List.of(TAY_NINH_ORGAN));
        String docId = simulator.enqueueIncoming(TAY_NINH, pkg, "edoc");

        List<AxisListItem> waiting = tayNinh.getReceivedEdocList("edoc");

        assertThat(waiting).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(docId);
            assertThat(item.status()).isEqualTo("waiting");
            assertThat(item.from()).isEqualTo(GOVERNMENT_OFFICE);
            assertThat(item.to()).containsExactly(TAY_NINH_ORGAN);
            assertThat(item.contentSha256()).isEqualTo(AxisRequestSigner.sha256Hex(pkg));
            assertThat(item.contentLength()).isEqualTo(pkg.length);
            assertThat(item.messageType()).isEqualTo("edoc");
        });
        assertThat(tayNinh.getReceivedEdocList("status")).isEmpty();
        byte[] downloaded = tayNinh.getEdoc(docId);
        assertThat(downloaded).isEqualTo(pkg);
        assertThat(AxisRequestSigner.sha256Hex(downloaded)).isEqualTo(waiting.get(0).contentSha256());

        tayNinh.updateStatus(docId, "done", null);

        assertThat(tayNinh.getReceivedEdocList("edoc")).isEmpty();
        assertThat(simulator.inbox(TAY_NINH)).singleElement()
                .extracting(InboxEntry::status).isEqualTo("done");
        assertThatThrownBy(() -> tayNinh.getEdoc(docId))
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> assertThat(e.errorCode()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void failedAcknowledgementKeepsPackageListedWithReason() {
        String docId = simulator.enqueueIncoming(TAY_NINH,
                EdxmlSamples.edoc("doc-fail", GOVERNMENT_OFFICE, List.of(TAY_NINH_ORGAN)), "edoc");

        tayNinh.updateStatus(docId, "fail", "Chữ ký số không hợp lệ");

        assertThat(tayNinh.getReceivedEdocList("edoc")).singleElement()
                .extracting(AxisListItem::status).isEqualTo("fail");
        assertThat(simulator.inbox(TAY_NINH)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo("fail");
            assertThat(entry.reason()).isEqualTo("Chữ ký số không hợp lệ");
        });
    }

    @Test
    void packageForOrganRegisteredByAnotherSystemLandsInThatSystemsInbox() {
        String daNangOffice = "000.00.01.H15";
        AxisAgency registered = daNang.registerAgency(daNangOffice, "Văn phòng UBND thành phố Đà Nẵng",
                "vanthu@danang.gov.vn");
        assertThat(registered.code()).isEqualTo(daNangOffice);
        assertThat(registered.pid()).isEqualTo(DA_NANG);
        String documentId = "000.00.00.H53,2025/01/15,99/UBND-VP";

        String docId = tayNinh.sendEdoc(EdxmlSamples.edoc(documentId, TAY_NINH_ORGAN,
                List.of(daNangOffice, GOVERNMENT_OFFICE)), "edoc").docId();

        assertThat(daNang.getReceivedEdocList("edoc")).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(docId);
            assertThat(item.from()).isEqualTo(TAY_NINH_ORGAN);
        });
        assertThat(tayNinh.getReceivedEdocList("edoc")).isEmpty();
        assertThat(tayNinh.getSentEdocList(documentId)).singleElement()
                .extracting(AxisSentItem::receiveStatus).isEqualTo("waiting");

        daNang.updateStatus(docId, "done", null);

        assertThat(tayNinh.getSentEdocList(documentId)).singleElement()
                .extracting(AxisSentItem::receiveStatus).isEqualTo("done");
        assertThat(tayNinh.getAgenciesList()).extracting(AxisAgency::code).contains(daNangOffice);
    }

    @Test
    void organMappedAtConstructionRoutesEdocAndStatusPackages() {
        String documentId = "000.00.00.H53,2025/01/16,5/UBND-VP";
        tayNinh.sendEdoc(EdxmlSamples.edoc(documentId, TAY_NINH_ORGAN, List.of(DA_NANG_ORGAN)), "edoc");

        daNang.sendEdoc(EdxmlSamples.status(DA_NANG_ORGAN, TAY_NINH_ORGAN, documentId, "01"), "status");

        assertThat(daNang.getReceivedEdocList("edoc")).singleElement()
                .extracting(AxisListItem::from).isEqualTo(TAY_NINH_ORGAN);
        assertThat(tayNinh.getReceivedEdocList("status")).singleElement().satisfies(item -> {
            assertThat(item.from()).isEqualTo(DA_NANG_ORGAN);
            assertThat(item.messageType()).isEqualTo("status");
        });
        assertThat(simulator.received()).extracting(ReceivedPackage::documentId).containsExactly(documentId, documentId);
    }

    @Test
    void deletedAgencyNoLongerRoutesOrAppearsInDirectory() {
        String code = "000.00.02.H15";
        daNang.registerAgency(code, "Sở Tài chính thành phố Đà Nẵng", null);

        assertThatThrownBy(() -> tayNinh.deleteAgency(code))
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> assertThat(e.errorCode()).isEqualTo("NOT_FOUND"));
        daNang.deleteAgency(code);
        tayNinh.sendEdoc(EdxmlSamples.edoc("doc-x", TAY_NINH_ORGAN, List.of(code)), "edoc");

        assertThat(daNang.getReceivedEdocList("edoc")).isEmpty();
        assertThat(daNang.getAgenciesList()).extracting(AxisAgency::code).doesNotContain(code);
    }

    @Test
    void generatedDirectoryIsServedCompletelyWithValidCodes() {
        try (AxisSimulator big = new AxisSimulator(AxisSimulatorConfig.builder()
                .system(TAY_NINH, TAY_NINH_SECRET).directorySize(5_000).build()).start()) {
            AxisClient client = new AxisClient(new AxisClientConfig(big.endpoint(), TAY_NINH, TAY_NINH_SECRET,
                    TAY_NINH_ORGAN, Duration.ofSeconds(2), Duration.ofSeconds(30)));

            List<AxisAgency> agencies = client.getAgenciesList();

            assertThat(agencies).hasSize(5_000).isEqualTo(big.directory());
            assertThat(agencies).allSatisfy(a -> {
                assertThat(a.code()).matches(CODE_SHAPE);
                assertThat(a.name()).isNotBlank();
                assertThat(a.mail()).contains("@");
            });
            assertThat(agencies).extracting(AxisAgency::code).doesNotHaveDuplicates();
            assertThat(agencies).extracting(AxisAgency::code).contains("000.00.00.G22", "000.00.00.H53");
        }
    }

    @Test
    void unavailableAxisIsTransientWithRetryAfter() {
        simulator.setAvailable(false);

        assertThatThrownBy(() -> tayNinh.getReceivedEdocList("edoc"))
                .isInstanceOfSatisfying(AxisTransientException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                    assertThat(e.getMessage()).contains("503").contains("UNAVAILABLE");
                });

        simulator.setAvailable(true);
        assertThat(tayNinh.getReceivedEdocList("edoc")).isEmpty();
    }

    @Test
    void serverErrorsAndThrottlingAreTransientButClientErrorsAreRejected() {
        simulator.failNext(1, 500);
        assertThatThrownBy(() -> tayNinh.getAgenciesList())
                .isInstanceOfSatisfying(AxisTransientException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
        simulator.failNext(1, 429);
        assertThatThrownBy(() -> tayNinh.getAgenciesList())
                .isInstanceOfSatisfying(AxisTransientException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
        simulator.failNext(1, 400);
        assertThatThrownBy(() -> tayNinh.getAgenciesList())
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("INJECTED_FAULT");
                });

        assertThat(tayNinh.getAgenciesList()).hasSize(50);
    }

    @Test
    void requestTimeoutIsTransient() {
        AxisClient impatient = new AxisClient(config(TAY_NINH, TAY_NINH_SECRET, TAY_NINH_ORGAN, Duration.ofMillis(300)));
        simulator.delayNext(1, Duration.ofSeconds(10));

        assertThatThrownBy(() -> impatient.getReceivedEdocList("edoc"))
                .isInstanceOfSatisfying(AxisTransientException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains("timed out");
                });
    }

    @Test
    void connectionRefusedIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AxisClient nowhere = new AxisClient(new AxisClientConfig(URI.create("http://127.0.0.1:" + closedPort),
                TAY_NINH, TAY_NINH_SECRET, TAY_NINH_ORGAN, Duration.ofSeconds(2), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> nowhere.getAgenciesList())
                .isInstanceOfSatisfying(AxisTransientException.class,
                        e -> assertThat(e.getMessage()).contains("getAgenciesList").contains(Integer.toString(closedPort)));
    }

    @Test
    void packageWithDoctypeIsRefusedAsMalformed() {
        assertThatThrownBy(() -> tayNinh.sendEdoc(EdxmlSamples.withDoctype(), "edoc"))
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("MALFORMED_PACKAGE");
                    assertThat(e.errorDesc()).contains("DOCTYPE");
                });
        assertThat(simulator.received()).isEmpty();
    }

    @Test
    void packageWithoutDocumentIdIsRefusedNamingTheField() {
        byte[] pkg = new String(EdxmlSamples.edoc("x", TAY_NINH_ORGAN, List.of(GOVERNMENT_OFFICE)),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("<edXML:DocumentId>x</edXML:DocumentId>", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> tayNinh.sendEdoc(pkg, "edoc"))
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("MALFORMED_PACKAGE");
                    assertThat(e.errorDesc()).contains("MessageHeader/DocumentId");
                });
    }

    @Test
    void inspectionPageListsReceivedPackagesAsJson() throws Exception {
        tayNinh.sendEdoc(EdxmlSamples.edoc("doc-view", TAY_NINH_ORGAN, List.of(GOVERNMENT_OFFICE)), "edoc");

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(simulator.endpoint() + "/sim/received")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode list = new ObjectMapper().readTree(page.body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("documentId").asText()).isEqualTo("doc-view");
        assertThat(list.get(0).get("senderSystemId").asText()).isEqualTo(TAY_NINH);
    }
}
