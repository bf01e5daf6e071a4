package vn.gov.bus.app;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.InboxEntry;
import vn.gov.bus.connectors.axis.simulator.ReceivedPackage;
import vn.gov.bus.connectors.qlvb.HubCallException;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.connectors.qlvb.PendingItem;
import vn.gov.bus.core.edxml.DocumentIds;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.pki.DevCertificateAuthority;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.signing.PackageSigner;

/**
 * The status round trip through real network endpoints: a document another province sent through
 * the axis simulator (HTTP) reaches a local document system (SOAP client), whose statuses travel
 * back to the axis in the order they were sent; and a sender taking a document back (revocation,
 * status 13) before the recipient's system had it is honoured: the document is withdrawn, never
 * delivered, and the sender is told with status 15.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.axis.poll-interval=200ms",
        "bus.axis.request-timeout=5s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatusRoundTripTest {

    static final String SYSTEM_ID = "00.53.W00";
    static final String HOME_AFFAIRS = "000.00.09.H53";

    static final DevCertificateAuthority PARTNER_CA = DevCertificateAuthority.newRoot("Partner Root CA (test)");
    static final KeyMaterial PARTNER_SIGNER = PARTNER_CA.issueSigner("Văn phòng Chính phủ (test signer)");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
        registry.add("bus.pki.extra-trust-anchors", () -> writePem(dataDir.resolve("partner-root.pem"),
                PARTNER_CA.root()).toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    AxisSimulator axis;
    @Autowired
    EdxmlReader reader;
    @Autowired
    CamelContext camel;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void statusesZeroOneToZeroSixOfADocumentFromTheAxisReachTheAxisSenderInTheOrderTheyWereSent() throws Exception {
        byte[] original = fromGovernmentOffice("Về việc báo cáo tiến độ");
        EdocPackage doc = reader.read(original);
        PendingItem item = receivedByFinance(original, doc.documentId());
        LocalDocumentSystemSimulator finance = finance();

        finance.fetch(item.id());
        // Hold the send of the 01 at the axis, so a free consumer would overtake it with the 03 if
        // the bus did not keep a document's messages in order (the poller stays quiet meanwhile,
        // so the held request is that send).
        camel.getRouteController().stopRoute("axis-incoming-poll");
        try {
            axis.delayNext(1, Duration.ofSeconds(3));
            finance.confirm(item.id()); // the bus answers 01 on the agency's behalf
            for (String code : List.of("03", "04", "05", "06")) {
                finance.sendStatus(statusOf(doc, code, "Trạng thái " + code));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> statusesAtAxis(doc.documentId()).size() == 5);
        } finally {
            camel.getRouteController().startRoute("axis-incoming-poll");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesAtAxis(doc.documentId()).size() == 5);
        assertThat(statusesAtAxis(doc.documentId())).extracting(EdocPackage::statusCode)
                .containsExactly("01", "03", "04", "05", "06");
        assertThat(statusesAtAxis(doc.documentId())).allSatisfy(status -> {
            assertThat(status.fromOrganId()).isEqualTo(FINANCE);
            assertThat(status.respondedOrganId()).isEqualTo(GOVERNMENT_OFFICE);
        });
    }

    @Test
    void rejectionWithItsReasonReachesTheAxisSender() {
        byte[] original = fromGovernmentOffice("Văn bản sai thể thức");
        EdocPackage doc = reader.read(original);
        PendingItem item = receivedByFinance(original, doc.documentId());
        finance().fetch(item.id());

        finance().sendStatus(statusOf(doc, "02", "Sai thể thức: thiếu chữ ký của người có thẩm quyền"));

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesAtAxis(doc.documentId()).size() == 1);
        EdocPackage rejection = statusesAtAxis(doc.documentId()).get(0);
        assertThat(rejection.statusCode()).isEqualTo("02");
        assertThat(rejection.statusDescription()).isEqualTo("Sai thể thức: thiếu chữ ký của người có thẩm quyền");
    }

    @Test
    void undocumentedStatusCodeIsForwardedAsItIsWithoutAnInventedMeaning() {
        byte[] original = fromGovernmentOffice("Mã trạng thái chưa công bố");
        EdocPackage doc = reader.read(original);
        receivedByFinance(original, doc.documentId());

        finance().sendStatus(statusOf(doc, "09", "Mã 09 của hệ thống quản lý văn bản"));

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesAtAxis(doc.documentId()).size() == 1);
        EdocPackage forwarded = statusesAtAxis(doc.documentId()).get(0);
        assertThat(forwarded.statusCode()).isEqualTo("09");
        assertThat(forwarded.statusDescription()).isEqualTo("Mã 09 của hệ thống quản lý văn bản");
    }

    @Test
    void documentRevokedBeforeTheRecipientFetchedItIsNeverDeliveredAndTheSenderGetsStatus15() {
        byte[] original = fromGovernmentOffice("Văn bản sẽ bị thu hồi");
        EdocPackage doc = reader.read(original);
        PendingItem item = receivedByFinance(original, doc.documentId());

        // The revocation repeats the original's DocumentId, as producers that copy the header do.
        byte[] revocation = signed(SamplePackages.edoc().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh").documentId(doc.documentId())
                .subject("Thu hồi văn bản").businessType(1).businessReason("Ban hành nhầm")
                .businessDocumentId(doc.documentId()).noAttachments().build());
        awaitAcknowledged(axis.enqueueIncoming(SYSTEM_ID, revocation, "edoc"), "done");

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesAtAxis(doc.documentId()).size() == 1);
        EdocPackage answer = statusesAtAxis(doc.documentId()).get(0);
        assertThat(answer.statusCode()).isEqualTo("15");
        assertThat(answer.fromOrganId()).isEqualTo(FINANCE);
        assertThat(answer.statusDescription()).contains("thu hồi trước khi đến");
        // neither the document nor its revocation is offered to the recipient's system
        assertThat(pendingFor(finance(), doc.documentId())).isEmpty();
        assertThatThrownBy(() -> finance().fetch(item.id())).isInstanceOfSatisfying(HubCallException.class,
                e -> assertThat(e.code()).isEqualTo("WITHDRAWN"));
    }

    @Test
    void revocationOfADocumentTheRecipientAlreadyConfirmedIsDeliveredForTheRecipientToDecide() {
        byte[] original = fromGovernmentOffice("Văn bản đã nhận rồi mới thu hồi");
        EdocPackage doc = reader.read(original);
        PendingItem item = receivedByFinance(original, doc.documentId());
        finance().fetch(item.id());
        finance().confirm(item.id());

        byte[] revocation = signed(SamplePackages.edoc().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh").documentId(doc.documentId())
                .subject("Thu hồi văn bản").businessType(1).businessReason("Ban hành nhầm")
                .businessDocumentId(doc.documentId()).noAttachments().build());
        awaitAcknowledged(axis.enqueueIncoming(SYSTEM_ID, revocation, "edoc"), "done");

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance(), doc.documentId()).size() == 1);
        byte[] delivered = finance().fetch(pendingFor(finance(), doc.documentId()).get(0).id());
        assertThat(reader.read(delivered).businessDocType()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusesAtAxis(doc.documentId()).size() == 1);
        assertThat(statusesAtAxis(doc.documentId())).extracting(EdocPackage::statusCode).containsExactly("01");
    }

    @Test
    void status13FromTheAxisWithdrawsTheUndeliveredDocumentAndTheSenderGetsStatus15() {
        byte[] original = fromGovernmentOffice("Văn bản sẽ được lấy lại qua trục");
        EdocPackage doc = reader.read(original);
        receivedByFinance(original, doc.documentId());

        byte[] takeBack = signed(SamplePackages.status().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .responseFor(GOVERNMENT_OFFICE, doc.codeNumber() + "/" + doc.codeNotation(),
                        doc.promulgationDate().orElseThrow(), doc.documentId())
                .statusCode("13").description("Lấy lại để bổ sung phụ lục").build());
        awaitAcknowledged(axis.enqueueIncoming(SYSTEM_ID, takeBack, "status"), "done");

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesAtAxis(doc.documentId()).size() == 1);
        assertThat(statusesAtAxis(doc.documentId()).get(0)).satisfies(answer -> {
            assertThat(answer.statusCode()).isEqualTo("15");
            assertThat(answer.fromOrganId()).isEqualTo(FINANCE);
        });
        assertThat(pendingFor(finance(), doc.documentId())).isEmpty();
    }

    @Test
    void replacementFromALocalSenderAlsoReachesTheAgenciesItsReplacementInfoNames() {
        LocalDocumentSystemSimulator office = local(OFFICE, "demo-token-van-phong");
        LocalDocumentSystemSimulator homeAffairs = local(HOME_AFFAIRS, "demo-token-so-noi-vu");
        String replaced = DocumentIds.conventional(FINANCE, LocalDate.now(), "1", "STC-CU");
        String number = String.valueOf(System.nanoTime() % 100000);
        String documentId = DocumentIds.conventional(FINANCE, LocalDate.now(), number, "STC-TT");
        finance().send(SamplePackages.edoc().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .to(OFFICE, "Văn phòng Ủy ban nhân dân tỉnh Tây Ninh").documentId(documentId).code(number, "STC-TT")
                .subject("Văn bản thay thế").businessType(3).businessReason("Thay thế văn bản sai số liệu")
                .replaces(replaced, OFFICE, HOME_AFFAIRS).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(office, documentId).size() == 1
                && pendingFor(homeAffairs, documentId).size() == 1);
        assertThat(reader.read(homeAffairs.fetch(pendingFor(homeAffairs, documentId).get(0).id())).businessDocType())
                .isEqualTo(3);
    }

    @Test
    void replacementFromTheAxisReachesEveryLocalAgencyItNames() {
        String replaced = DocumentIds.conventional(GOVERNMENT_OFFICE, LocalDate.now(), "1", "VPCP-CU");
        byte[] replacement = signed(SamplePackages.edoc().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh").subject("Văn bản thay thế qua trục")
                .businessType(3).replaces(replaced, FINANCE, OFFICE).build());
        String documentId = reader.read(replacement).documentId();
        LocalDocumentSystemSimulator office = local(OFFICE, "demo-token-van-phong");

        awaitAcknowledged(axis.enqueueIncoming(SYSTEM_ID, replacement, "edoc"), "done");

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance(), documentId).size() == 1
                && pendingFor(office, documentId).size() == 1);
        // delivered as received, with the sender's signature
        assertThat(office.fetch(pendingFor(office, documentId).get(0).id())).isEqualTo(replacement);
    }

    @Test
    void status13FromALocalSenderReachesTheRecipientThatHasTheDocumentAndWithdrawsItFromTheOneThatHasNot() {
        LocalDocumentSystemSimulator finance = finance();
        LocalDocumentSystemSimulator office = local(OFFICE, "demo-token-van-phong");
        LocalDocumentSystemSimulator homeAffairs = local(HOME_AFFAIRS, "demo-token-so-noi-vu");
        String number = String.valueOf(System.nanoTime() % 100000);
        String documentId = DocumentIds.conventional(FINANCE, LocalDate.now(), number, "STC-NS");
        finance.send(SamplePackages.edoc().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .to(OFFICE, "Văn phòng Ủy ban nhân dân tỉnh Tây Ninh").to(HOME_AFFAIRS, "Sở Nội vụ tỉnh Tây Ninh")
                .documentId(documentId).code(number, "STC-NS").subject("Văn bản sẽ được lấy lại").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(office, documentId).size() == 1
                && pendingFor(homeAffairs, documentId).size() == 1);
        PendingItem atOffice = pendingFor(office, documentId).get(0);
        PendingItem atHomeAffairs = pendingFor(homeAffairs, documentId).get(0);
        office.fetch(atOffice.id());
        office.confirm(atOffice.id());

        finance.sendStatus(SamplePackages.status().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .responseFor(FINANCE, number + "/STC-NS", LocalDate.now(), documentId)
                .statusCode("13").description("Lấy lại để sửa số liệu").build());

        // the office had it: it receives the request and decides (15 or 16) itself
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(office, documentId).size() == 1);
        EdocPackage request = reader.read(office.fetch(pendingFor(office, documentId).get(0).id()));
        assertThat(request.statusCode()).isEqualTo("13");
        // home affairs had not confirmed it: withdrawn, and the sender hears 15 from home affairs
        await().atMost(Duration.ofSeconds(30)).until(() -> statusesIn(finance, documentId).stream()
                .anyMatch(s -> "15".equals(s.statusCode())));
        assertThat(statusesIn(finance, documentId)).extracting(EdocPackage::fromOrganId, EdocPackage::statusCode)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OFFICE, "01"),
                        org.assertj.core.groups.Tuple.tuple(HOME_AFFAIRS, "15"));
        assertThat(pendingFor(homeAffairs, documentId)).isEmpty();
        assertThatThrownBy(() -> homeAffairs.confirm(atHomeAffairs.id()))
                .isInstanceOfSatisfying(HubCallException.class, e -> assertThat(e.code()).isEqualTo("WITHDRAWN"));
    }

    @Test
    void trackingApiShowsEachRecipientWithItsChannelAndTheTimelineUpToTheLatestStatus() throws Exception {
        LocalDocumentSystemSimulator finance = finance();
        LocalDocumentSystemSimulator office = local(OFFICE, "demo-token-van-phong");
        String number = String.valueOf(System.nanoTime() % 100000);
        String documentId = DocumentIds.conventional(FINANCE, LocalDate.now(), number, "STC-NS");
        finance.send(SamplePackages.edoc().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .to(OFFICE, "Văn phòng Ủy ban nhân dân tỉnh Tây Ninh").to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .documentId(documentId).code(number, "STC-NS").subject("Văn bản được theo dõi").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(office, documentId).size() == 1
                && axis.countByDocumentId(documentId) == 1);
        String atOffice = pendingFor(office, documentId).get(0).id();
        office.fetch(atOffice);
        office.confirm(atOffice);
        byte[] accepted = signed(SamplePackages.status().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .responseFor(FINANCE, number + "/STC-NS", LocalDate.now(), documentId)
                .statusCode("03").description("Đã vào sổ văn bản đến").staff("Phòng Hành chính", "Nguyễn Văn An")
                .build());
        awaitAcknowledged(axis.enqueueIncoming(SYSTEM_ID, accepted, "status"), "done");

        String track = "/api/documents/track?sender=" + encode(FINANCE) + "&documentId=" + encode(documentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode doc = json(get(track));
            return "STATUS_03".equals(recipient(doc, GOVERNMENT_OFFICE).path("state").asText())
                    && "STATUS_01".equals(recipient(doc, OFFICE).path("state").asText());
        });
        JsonNode doc = json(get(track));
        assertThat(doc.path("direction").asText()).isEqualTo("OUTGOING");
        assertThat(doc.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(recipient(doc, OFFICE).path("channel").asText()).isEqualTo("LOCAL");
        assertThat(recipient(doc, GOVERNMENT_OFFICE).path("channel").asText()).isEqualTo("AXIS");
        assertThat(kinds(recipient(doc, GOVERNMENT_OFFICE).path("timeline")))
                .containsExactly("ROUTED", "SENT_TO_AXIS", "STATUS");
        assertThat(kinds(recipient(doc, OFFICE).path("timeline")))
                .containsSubsequence("ROUTED", "IN_PENDING_BOX", "CONFIRMED").contains("STATUS");
        JsonNode status03 = recipient(doc, GOVERNMENT_OFFICE).path("timeline").get(2);
        assertThat(status03.path("statusCode").asText()).isEqualTo("03");
        assertThat(status03.path("staff").asText()).isEqualTo("Nguyễn Văn An (Phòng Hành chính)");
        assertThat(status03.path("detail").asText()).contains("Đã vào sổ văn bản đến");
        assertThat(kinds(doc.path("timeline")).get(0)).isEqualTo("ACCEPTED");

        HttpResponse<String> listed = get("/api/documents?agency=" + encode(FINANCE) + "&direction=outgoing&from="
                + LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) + "&state=DELIVERED");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json(listed).findValuesAsText("documentId")).contains(documentId);
        // the number/notation (in the DocumentId) and the subject are searched by the bus, not the client
        HttpResponse<String> byNumber = get("/api/documents?q=" + encode(number + "/stc-ns"));
        assertThat(json(byNumber).findValuesAsText("documentId")).contains(documentId);
        assertThat(json(get("/api/documents?q=" + encode("không có văn bản này"))).findValuesAsText("documentId"))
                .isEmpty();
        HttpResponse<String> bySubject = get("/api/documents?agency=" + encode(FINANCE) + "&q="
                + encode("ĐƯỢC THEO DÕI"));
        assertThat(json(bySubject).findValuesAsText("documentId")).contains(documentId);
    }

    @Test
    void statusNamingItsDocumentOnlyByCodeIsMatchedToItByFromToAndCodeInBothDirections() throws Exception {
        // a document from the axis, answered by the local system with a status that gives only the code
        String govNumber = String.valueOf(System.nanoTime() % 100000);
        byte[] original = signed(SamplePackages.edoc().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh").code(govNumber, "VPCP-KTTH")
                .subject("Văn bản được trả lời theo số ký hiệu").build());
        EdocPackage fromAxis = reader.read(original);
        receivedByFinance(original, fromAxis.documentId());
        finance().sendStatus(SamplePackages.status().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .responseFor(GOVERNMENT_OFFICE, govNumber + "/VPCP-KTTH", fromAxis.promulgationDate().orElseThrow(),
                        null)
                .statusCode("03").description("Đã tiếp nhận").build());

        String track = "/api/documents/track?sender=" + encode(GOVERNMENT_OFFICE) + "&documentId="
                + encode(fromAxis.documentId());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "STATUS_03".equals(recipient(json(get(track)), FINANCE).path("state").asText()));

        // a document of the local system, answered through the axis by code only
        String number = String.valueOf(System.nanoTime() % 100000);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")); // promulgation dates are Việt Nam days
        String documentId = DocumentIds.conventional(FINANCE, today, number, "STC-KH");
        finance().send(SamplePackages.edoc().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ").documentId(documentId).code(number, "STC-KH")
                .subject("Báo cáo được trả lời theo số ký hiệu").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(documentId) == 1);
        byte[] answer = signed(SamplePackages.status().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .responseFor(FINANCE, number + "/STC-KH", today, null)
                .statusCode("05").description("Đang xử lý").build());
        awaitAcknowledged(axis.enqueueIncoming(SYSTEM_ID, answer, "status"), "done");

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesIn(finance(), documentId).size() == 1);
        assertThat(statusesIn(finance(), documentId).get(0).statusCode()).isEqualTo("05");
    }

    @Test
    void statusWhoseCodeMatchesNoDocumentIsRefusedNamingTheCode() {
        byte[] unmatched = SamplePackages.status().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .responseFor(GOVERNMENT_OFFICE, "1/KHONG-CO", LocalDate.now(), null).statusCode("03").build();
        assertThatThrownBy(() -> finance().sendStatus(unmatched)).isInstanceOfSatisfying(HubCallException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("INVALID_FIELD");
                    assertThat(e.field()).isEqualTo("MessageHeader/ResponseFor/DocumentId");
                    assertThat(e.getMessage()).contains("1/KHONG-CO");
                });

        byte[] fromAxis = signed(SamplePackages.status().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .responseFor(FINANCE, "2/KHONG-CO", LocalDate.now(), null).statusCode("03").build());
        String docId = axis.enqueueIncoming(SYSTEM_ID, fromAxis, "status");
        awaitAcknowledged(docId, "fail");
        assertThat(axis.inbox(SYSTEM_ID).stream().filter(e -> docId.equals(e.docId())).findFirst().orElseThrow()
                .reason()).startsWith("MALFORMED_PACKAGE").contains("2/KHONG-CO");
    }

    @Test
    void trackingApiNamesTheFieldAndRuleOfABadQueryAndAnswers404ForAnUnknownDocument() throws Exception {
        HttpResponse<String> bad = get("/api/documents?direction=sideways");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = json(bad);
        assertThat(error.path("field").asText()).isEqualTo("direction");
        assertThat(error.path("rule").asText()).isEqualTo("one-of");
        assertThat(error.path("messageVi").asText()).contains("Chiều văn bản");

        HttpResponse<String> emptyPeriod = get("/api/documents?from=2026-12-02&to=2026-12-01");
        assertThat(emptyPeriod.statusCode()).isEqualTo(400);
        assertThat(json(emptyPeriod).path("field").asText()).isEqualTo("to");

        HttpResponse<String> longText = get("/api/documents?q=" + "x".repeat(201));
        assertThat(longText.statusCode()).isEqualTo(400);
        assertThat(json(longText).path("field").asText()).isEqualTo("q");
        assertThat(json(longText).path("rule").asText()).isEqualTo("length");

        HttpResponse<String> unknown = get("/api/documents/track?sender=" + encode(FINANCE) + "&documentId=nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(TestUsers.OPERATOR.authorize(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + pathAndQuery))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private static JsonNode recipient(JsonNode doc, String organId) {
        for (JsonNode r : doc.path("recipients")) {
            if (organId.equals(r.path("organId").asText())) {
                return r;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new java.util.ArrayList<>();
        timeline.forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ helpers

    private PendingItem receivedByFinance(byte[] pkg, String documentId) {
        awaitAcknowledged(axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc"), "done");
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance(), documentId).size() == 1);
        return pendingFor(finance(), documentId).get(0);
    }

    private byte[] statusOf(EdocPackage doc, String code, String description) {
        return SamplePackages.status().from(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .responseFor(doc.fromOrganId(), doc.codeNumber() + "/" + doc.codeNotation(),
                        doc.promulgationDate().orElseThrow(), doc.documentId())
                .statusCode(code).description(description).build();
    }

    private List<EdocPackage> statusesAtAxis(String documentId) {
        return axis.received().stream()
                .filter(p -> "status".equals(p.messageType()) && documentId.equals(p.documentId()))
                .map(ReceivedPackage::content)
                .map(reader::read)
                .toList();
    }

    private List<EdocPackage> statusesIn(LocalDocumentSystemSimulator system, String documentId) {
        return pendingFor(system, documentId).stream()
                .filter(i -> "STATUS".equals(i.messageType()))
                .map(i -> reader.read(system.fetch(i.id())))
                .toList();
    }

    private void awaitAcknowledged(String docId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> axis.inbox(SYSTEM_ID).stream()
                .anyMatch(e -> docId.equals(e.docId()) && !InboxEntry.WAITING.equals(e.status())));
        InboxEntry entry = axis.inbox(SYSTEM_ID).stream().filter(e -> docId.equals(e.docId())).findFirst()
                .orElseThrow();
        assertThat(entry.status()).as("acknowledgement of %s (reason: %s)", docId, entry.reason()).isEqualTo(status);
    }

    private LocalDocumentSystemSimulator finance() {
        return local(FINANCE, "demo-token-so-tai-chinh");
    }

    private LocalDocumentSystemSimulator local(String organId, String token) {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"), organId,
                token);
    }

    private static List<PendingItem> pendingFor(LocalDocumentSystemSimulator system, String documentId) {
        return system.pendingIds().stream().filter(i -> documentId.equals(i.documentId())).toList();
    }

    private byte[] fromGovernmentOffice(String subject) {
        return signed(SamplePackages.edoc().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh").subject(subject).build());
    }

    private byte[] signed(byte[] pkg) {
        EdocPackage parsed = reader.read(pkg);
        new PackageSigner(PARTNER_SIGNER).sign(parsed.dom());
        return parsed.toBytes();
    }

    private static Path writePem(Path file, X509Certificate certificate) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
