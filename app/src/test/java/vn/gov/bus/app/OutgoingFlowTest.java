package vn.gov.bus.app;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.FINANCE_TOKEN;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.connectors.qlvb.HubCallException;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.connectors.qlvb.PendingItem;
import vn.gov.bus.connectors.qlvb.SendReceipt;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DeliveryState;

/**
 * The outgoing flow through real network endpoints: a simulated local document system calls the
 * hub SOAP service, the bus queues, routes, signs and delivers to the axis simulator (HTTP) and to
 * a local pending box.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.limits.max-attachment-size=256KB",
        "bus.broker.redelivery-delay=100ms",
        "bus.broker.max-redelivery-delay=400ms",
        "bus.broker.max-delivery-attempts=4",
        "bus.axis.request-timeout=5s",
        "bus.axis.in-flight-timeout=10s",
        // the incoming poller's requests would use up the axis faults these tests inject
        "bus.axis.poll-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutgoingFlowTest {


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
    DeliveryLedger ledger;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    JmsTemplate jms;

    LocalDocumentSystemSimulator system(String organId, String token) {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"),
                organId, token);
    }

    @Test
    void documentForALocalAndANationalRecipientReachesBothAndIsSignedVerifiablyAgainstTheRoot() throws Exception {
        byte[] pkg = SamplePackages.edoc()
                .from(OFFICE, "Văn phòng UBND tỉnh Tây Ninh")
                .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .subject("Về việc báo cáo tình hình kinh tế – xã hội tháng 11")
                .build();
        SendReceipt receipt = system(OFFICE, OFFICE_TOKEN).send(pkg);
        assertThat(receipt.messageId()).isNotBlank();
        String documentId = receipt.documentId();

        await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(documentId) == 1);
        byte[] atAxis = axis.received().stream()
                .filter(r -> documentId.equals(r.documentId())).findFirst().orElseThrow().content();
        Path root = dataDir.resolve("pki/root-ca.pem");
        assertThat(IndependentSignatureCheck.verifies(atAxis, root)).isTrue();
        assertThat(new String(atAxis, StandardCharsets.UTF_8)).contains("000.00.00.H53");

        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> finance.pendingIds().stream()
                .anyMatch(item -> documentId.equals(item.documentId())));
        PendingItem item = finance.pendingIds().stream()
                .filter(i -> documentId.equals(i.documentId())).findFirst().orElseThrow();
        byte[] local = finance.fetch(item.id());
        assertThat(IndependentSignatureCheck.verifies(local, root)).isTrue();
        finance.confirm(item.id());
        assertThat(finance.pendingIds()).noneMatch(i -> item.id().equals(i.id()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger.forDocument(OFFICE, documentId))
                .extracting(DeliveryLedger.DeliveryRecord::state)
                .containsExactly(DeliveryState.DELIVERED, DeliveryState.DELIVERED));
    }

    @Test
    void confirmingADocumentSendsASignedStatus01BackToItsLocalSenderOnce() throws Exception {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính")
                .code("245", "UBND-VP").subject("Về việc xác nhận đã nhận văn bản").build();
        String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> finance.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId())));
        String entry = finance.pendingIds().stream().filter(i -> documentId.equals(i.documentId()))
                .findFirst().orElseThrow().id();
        finance.confirm(entry);
        finance.confirm(entry);

        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> office.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType())));
        List<PendingItem> statuses = office.pendingIds().stream()
                .filter(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType())).toList();
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).from()).isEqualTo(FINANCE);
        byte[] status = office.fetch(statuses.get(0).id());
        assertThat(IndependentSignatureCheck.verifies(status, dataDir.resolve("pki/root-ca.pem"))).isTrue();
        var parsed = new vn.gov.bus.core.edxml.EdxmlReader(new vn.gov.bus.core.xml.SecureXml()).read(status);
        assertThat(parsed.statusCode()).isEqualTo("01");
        assertThat(parsed.fromOrganId()).isEqualTo(FINANCE);
        assertThat(parsed.respondedDocumentId()).isEqualTo(documentId);
        assertThat(parsed.respondedOrganId()).isEqualTo(OFFICE);
        assertThat(parsed.respondedCode()).isEqualTo("245/UBND-VP");
    }

    @Test
    void statusPackagesFromALocalSystemReachTheLocalSenderAndTheAxisSender() {
        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        byte[] accepted = SamplePackages.status().from(FINANCE, "Sở Tài chính")
                .responseFor(OFFICE, "311/UBND-VP", java.time.LocalDate.of(2026, 11, 24),
                        OFFICE + ",2026/11/24,311/UBND-VP")
                .statusCode("03").staff("Văn thư", "Nguyễn Thị Lan").build();
        finance.sendStatus(accepted);
        String nationalDocument = GOVERNMENT_OFFICE + ",2026/11/20,7816/VPCP-TTĐT";
        byte[] finished = SamplePackages.status().from(FINANCE, "Sở Tài chính")
                .responseFor(GOVERNMENT_OFFICE, "7816/VPCP-TTĐT", java.time.LocalDate.of(2026, 11, 20),
                        nationalDocument)
                .statusCode("06").build();
        finance.sendStatus(finished);

        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> office.pendingIds().stream()
                .anyMatch(i -> (OFFICE + ",2026/11/24,311/UBND-VP").equals(i.documentId())
                        && "STATUS".equals(i.messageType()) && FINANCE.equals(i.from())));
        await().atMost(Duration.ofSeconds(30)).until(() -> axis.received().stream()
                .anyMatch(r -> "status".equals(r.messageType()) && r.toOrganIds().contains(GOVERNMENT_OFFICE)
                        && new String(r.content(), StandardCharsets.UTF_8).contains(nationalDocument)));
    }

    @Test
    void oneChangedByteInTheSignedContentFailsIndependentVerification() throws Exception {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .subject("Kiểm tra chữ ký số").build();
        String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(documentId) == 1);
        String signed = new String(axis.received().stream().filter(r -> documentId.equals(r.documentId()))
                .findFirst().orElseThrow().content(), StandardCharsets.UTF_8);
        String tampered = signed.replace("Kiểm tra chữ ký số", "Kiểm tra chữ ký sô");
        assertThat(tampered).isNotEqualTo(signed);
        assertThat(IndependentSignatureCheck.verifies(tampered.getBytes(StandardCharsets.UTF_8),
                dataDir.resolve("pki/root-ca.pem"))).isFalse();
    }

    @Test
    void sameDocumentSentTwiceIsDeliveredOnceToEachRecipient() {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng")
                .to(FINANCE, "Sở Tài chính").to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ").build();
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        String documentId = office.send(pkg).documentId();
        office.send(pkg);
        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(documentId) >= 1
                && finance.pendingIds().stream().anyMatch(i -> documentId.equals(i.documentId())));
        // both copies have been through the queues once the outgoing queue is drained
        await().atMost(Duration.ofSeconds(30)).until(() -> queueDepth("bus.outgoing") == 0
                && queueDepth("bus.deliver.axis") == 0 && queueDepth("bus.deliver.local") == 0);
        assertThat(axis.countByDocumentId(documentId)).isEqualTo(1);
        assertThat(finance.pendingIds().stream().filter(i -> documentId.equals(i.documentId()))).hasSize(1);
    }

    @Test
    void axisOutageIsRetriedWithBackOffAndDeliversExactlyOnce() {
        axis.failNext(2, 503);
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP").build();
        String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ledger.forDocument(OFFICE, documentId).get(0).state() == DeliveryState.DELIVERED);
        DeliveryLedger.DeliveryRecord record = ledger.forDocument(OFFICE, documentId).get(0);
        assertThat(record.attempts()).isEqualTo(3);
        assertThat(axis.countByDocumentId(documentId)).isEqualTo(1);
    }

    @Test
    void packageTheAxisRefusesGoesToTheDeadLetterQueueWithTheAxisReason() {
        axis.failNext(1, 400);
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP").build();
        String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterReason("DLQ.bus.deliver.axis", documentId) != null);
        assertThat(deadLetterReason("DLQ.bus.deliver.axis", documentId)).contains("400");
        DeliveryLedger.DeliveryRecord record = ledger.forDocument(OFFICE, documentId).get(0);
        assertThat(record.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(axis.countByDocumentId(documentId)).isZero();
    }

    @Test
    void persistentAxisOutageEndsOnTheDeadLetterQueueAfterTheConfiguredAttempts() {
        axis.setAvailable(false);
        try {
            byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP").build();
            String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterDocumentIds("DLQ.bus.deliver.axis")
                    .contains(documentId));
            DeliveryLedger.DeliveryRecord record = ledger.forDocument(OFFICE, documentId).get(0);
            assertThat(record.state()).isEqualTo(DeliveryState.UNCERTAIN);
            assertThat(record.lastError()).isNotBlank();
        } finally {
            axis.setAvailable(true);
        }
    }

    @Test
    void wrongTokenIsRefusedWithAuthFailedAndNothingIsQueued() {
        long before = messagesAdded("bus.outgoing");
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính").build();
        assertThatThrownBy(() -> system(OFFICE, "not-the-token").send(pkg))
                .isInstanceOfSatisfying(HubCallException.class, e -> assertThat(e.code()).isEqualTo("AUTH_FAILED"));
        assertThat(messagesAdded("bus.outgoing")).isEqualTo(before);
    }

    @Test
    void malformedXmlIsRefusedWithMalformedXml() {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính").build();
        byte[] truncated = java.util.Arrays.copyOf(pkg, pkg.length / 2);
        assertRefused(truncated, "MALFORMED_XML", null);
    }

    @Test
    void doctypeWithAnExternalEntityIsRefusedWithDtdForbidden() {
        String pkg = new String(SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính").build(),
                StandardCharsets.UTF_8);
        String body = pkg.substring(pkg.indexOf("<edXML"));
        String hostile = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + body;
        assertRefused(hostile.getBytes(StandardCharsets.UTF_8), "DTD_FORBIDDEN", null);
    }

    @Test
    void unknownRecipientIsRefusedNamingTheRecipientField() {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng")
                .to(FINANCE, "Sở Tài chính").to("000.00.99.H53", "Không có trong danh bạ").build();
        assertRefused(pkg, "UNKNOWN_RECIPIENT", "MessageHeader/To[2]/OrganId");
    }

    @Test
    void packageFromAnotherAgencyThanTheCallerIsRefusedWithSenderMismatch() {
        byte[] pkg = SamplePackages.edoc().from(FINANCE, "Sở Tài chính").to(OFFICE, "Văn phòng").build();
        assertRefused(pkg, "SENDER_MISMATCH", "MessageHeader/From/OrganId");
    }

    @Test
    void attachmentOverTheSizeLimitIsRefusedWithAttachmentTooLarge() {
        byte[] big = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(big);
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính")
                .attachment("phu-luc.pdf", "application/pdf", big).build();
        assertRefused(pkg, "ATTACHMENT_TOO_LARGE", null);
    }

    @Test
    void attachmentThatIsNotBase64IsRefusedWithInvalidBase64() {
        byte[] content = "%PDF-1.7 tài liệu".getBytes(StandardCharsets.UTF_8);
        String encoded = java.util.Base64.getEncoder().encodeToString(content);
        String pkg = new String(SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính")
                .attachment("to-trinh.pdf", "application/pdf", content).build(), StandardCharsets.UTF_8);
        assertThat(pkg).contains(encoded);
        String broken = pkg.replace(encoded, "@@not*base64@@");
        assertRefused(broken.getBytes(StandardCharsets.UTF_8), "INVALID_BASE64", null);
    }

    private void assertRefused(byte[] pkg, String code, String field) {
        long before = messagesAdded("bus.outgoing");
        assertThatThrownBy(() -> system(OFFICE, OFFICE_TOKEN).send(pkg))
                .isInstanceOfSatisfying(HubCallException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isNotBlank();
                    if (field != null) {
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.messageVi()).endsWith("(trường " + field + ").");
                    }
                    assertThat(e.messageVi()).as("Vietnamese text for the clerk").isNotBlank()
                            .doesNotContain("Gói tin bị từ chối.");
                });
        assertThat(messagesAdded("bus.outgoing")).as("nothing queued").isEqualTo(before);
        // the bus keeps serving: a good package right after is accepted
        byte[] good = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính").build();
        assertThat(system(OFFICE, OFFICE_TOKEN).send(good).messageId()).isNotBlank();
    }

    private long messagesAdded(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessagesAdded();
    }

    private long queueDepth(String queue) {
        var q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q.getMessageCount() + q.getDeliveringCount();
    }

    private String deadLetterReason(String queue, String documentId) {
        return jms.browseSelected(queue, "BusDocumentId = '" + documentId + "'", (session, browser) -> {
            var messages = browser.getEnumeration();
            return messages.hasMoreElements()
                    ? ((jakarta.jms.Message) messages.nextElement()).getStringProperty("BusFailureReason") : null;
        });
    }

    private List<String> deadLetterDocumentIds(String queue) {
        if (broker.getActiveMQServer().locateQueue(SimpleString.of(queue)) == null) {
            return List.of();
        }
        return jms.browse(queue, (session, browser) -> {
            List<String> ids = new java.util.ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                ids.add(((jakarta.jms.Message) messages.nextElement()).getStringProperty("BusDocumentId"));
            }
            return ids;
        });
    }
}
