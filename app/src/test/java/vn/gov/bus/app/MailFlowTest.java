package vn.gov.bus.app;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.FINANCE_TOKEN;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.smtp.auth.LoginAuthenticationState;
import com.icegreen.greenmail.smtp.auth.PlainAuthenticationState;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.config.PackageConfiguration;
import vn.gov.bus.connectors.mail.ImapMailbox;
import vn.gov.bus.connectors.mail.MailAttachment;
import vn.gov.bus.connectors.mail.MailParser;
import vn.gov.bus.connectors.mail.ReceivedMail;
import vn.gov.bus.connectors.mail.SmimeCheck;
import vn.gov.bus.connectors.mail.SmimeSigner;
import vn.gov.bus.connectors.mail.simulator.MailServerSimulator;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.connectors.qlvb.PendingItem;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.edxml.EdocAttachment;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.pki.DevCertificateAuthority;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.signing.PackageSigner;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DeliveryState;
import vn.gov.bus.core.state.MailReceipts;
import vn.gov.bus.routes.mail.MailIncomingPoller;
import vn.gov.bus.routes.mail.MailIncomingQueue;
import vn.gov.bus.routes.mail.MailIntake;
import vn.gov.bus.routes.mail.MailVerdict;

/**
 * The mail bridge through real network endpoints: the embedded mail server (GreenMail, SMTP and
 * IMAP on free ports), the hub SOAP service for local systems, embedded Artemis with its journal,
 * H2. Documents go out to a commune without a document system by S/MIME-signed mail; mails from
 * it come in through the bus's mailbox and reach local pending boxes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.axis.poll-enabled=false",
        "bus.directory.sync-enabled=false",
        "bus.broker.redelivery-delay=100ms",
        "bus.broker.max-redelivery-delay=1s",
        "bus.broker.max-delivery-attempts=10",
        "bus.mail.incoming.poll-interval=200ms",
        "bus.mail.incoming.max-size=1MB"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailFlowTest {

    static final String COMMUNE = "000.31.01.H53";
    static final String COMMUNE_MAIL = "vanthu@tanbinh.tayninh.gov.vn";
    static final String BUS_MAIL = "congvan@tayninh.gov.vn";

    static final String SECOND_SERVER_SECRET_REF = "bus.test.mail-secret-2";
    static final String SECOND_SERVER_SECRET = "second-mail-server-secret-value";

    static final DevCertificateAuthority PARTNER_CA = DevCertificateAuthority.newRoot("Commune Root CA (test)");
    static final KeyMaterial COMMUNE_SIGNER = PARTNER_CA.issueSigner("UBND xã Tân Bình (test signer)");

    @TempDir
    static Path dataDir;
    static final int AXIS_PORT = TestPorts.free();
    static final int SMTP_PORT = TestPorts.free();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bus.data-dir", () -> dataDir.toString());
        registry.add("bus.simulators.axis-port", () -> AXIS_PORT);
        registry.add("bus.axis.endpoint", () -> "http://127.0.0.1:" + AXIS_PORT);
        int imap = TestPorts.free();
        registry.add("bus.simulators.mail.smtp-port", () -> SMTP_PORT);
        registry.add("bus.simulators.mail.imap-port", () -> imap);
        registry.add("bus.mail.smtp.port", () -> SMTP_PORT);
        registry.add("bus.mail.imap.port", () -> imap);
        // the second mail server's password, named by a credentials reference (as a deployment's secret would be)
        registry.add(SECOND_SERVER_SECRET_REF, () -> SECOND_SERVER_SECRET);
        registry.add("bus.pki.extra-trust-anchors", () -> writePem(dataDir.resolve("commune-root.pem"),
                PARTNER_CA.root()).toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    MailServerSimulator mailServer;
    @Autowired
    ImapMailbox mailbox;
    @Autowired
    MailParser parser;
    @Autowired
    EdxmlReader reader;
    @Autowired
    DeliveryLedger ledger;
    @Autowired
    MailReceipts receipts;
    @Autowired
    PackageConfiguration.Pki pki;
    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    MailIncomingPoller poller;
    @Autowired
    MailIntake intake;
    @Autowired
    MailIncomingQueue incomingQueue;
    @Autowired
    AuditStore auditStore;

    static final byte[] PDF = SamplePackages.samplePdf("Quyet dinh 125");

    // ------------------------------------------------------------------ outbound

    @Test
    void documentForAMailRecipientArrivesAsSignedMailWithIntactAttachmentsAndAVerifiablePackage() throws Exception {
        byte[] docx = "PK\u0003\u0004 bảng kê".getBytes(StandardCharsets.UTF_8);
        byte[] pkg = SamplePackages.edoc()
                .from(OFFICE, "Văn phòng UBND tỉnh Tây Ninh")
                .to(COMMUNE, "UBND xã Tân Bình")
                .code("125", "UBND-VP")
                .subject("Về việc triển khai thư điện tử công vụ năm 2026")
                .signer("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn An")
                .dueDate(LocalDate.of(2026, 12, 15))
                .priority(1)
                .attachment("Quyết định số 125 – UBND tỉnh.pdf", "application/pdf", PDF)
                .attachment("Bảng kê đính kèm.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)
                .build();
        String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();

        MimeMessage delivered = awaitMailFor(COMMUNE_MAIL, documentId);
        ReceivedMail mail = parser.parse(bytes(delivered));
        assertThat(mail.subject()).isEqualTo("[125/UBND-VP] Về việc triển khai thư điện tử công vụ năm 2026");
        assertThat(mail.fromAddress()).isEqualTo(BUS_MAIL);
        assertThat(mail.text()).contains("Cơ quan ban hành: Văn phòng UBND tỉnh Tây Ninh")
                .contains("Ngày ban hành: ").contains("Người ký: KT. CHỦ TỊCH – Phó Chủ tịch – Nguyễn Văn An")
                .contains("Hạn xử lý: 15/12/2026").contains("Độ khẩn: khẩn, mức 1");
        assertThat(mail.documents()).extracting(MailAttachment::name).containsExactly(
                "Quyết định số 125 – UBND tỉnh.pdf", "Bảng kê đính kèm.docx", "goi-tin-edxml.xml");
        assertThat(mail.documents().get(0).data()).isEqualTo(PDF);
        assertThat(mail.documents().get(1).data()).isEqualTo(docx);

        // the mail's S/MIME signature is the organisation's, and intact after SMTP and IMAP
        assertThat(mail.smime().outcome()).as(mail.smime().reason()).isEqualTo(SmimeCheck.Outcome.INTACT);
        X509Certificate organisation = pki.key().certificate();
        assertThat(mail.smime().signer()).isEqualTo(organisation);
        // the attached package is the signed one: a receiving system verifies it against the root
        byte[] attachedPackage = mail.documents().get(2).data();
        assertThat(IndependentSignatureCheck.verifies(attachedPackage, dataDir.resolve("pki/root-ca.pem"))).isTrue();
        assertThat(reader.read(attachedPackage).documentId()).isEqualTo(documentId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger.forDocument(OFFICE, documentId))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(DeliveryState.DELIVERED);
                    assertThat(r.remoteId()).isEqualTo(messageIdOf(delivered));
                }));
    }

    @Test
    void subjectWithALineBreakIsRefusedAsHeaderInjectionAndTheSenderGetsAFailureStatus() throws Exception {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(COMMUNE, "UBND xã Tân Bình")
                .subject("Trích yếu\nBcc: attacker@example.org").build();
        String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();

        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> office.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType())));
        PendingItem item = office.pendingIds().stream()
                .filter(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType())).findFirst()
                .orElseThrow();
        EdocPackage status = reader.read(office.fetch(item.id()));
        assertThat(status.fromOrganId()).isEqualTo(COMMUNE);
        assertThat(status.statusCode()).isEqualTo("02");
        assertThat(status.statusDescription()).startsWith("Không chuyển được văn bản đến Ủy ban nhân dân xã Tân Bình")
                .contains("Subject contains a line break");
        assertThat(ledger.forDocument(OFFICE, documentId)).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(r.lastError()).contains("could inject mail headers");
        });
        assertThat(queueDepth("DLQ.bus.deliver.mail")).isPositive();
        assertThat(mailServer.mailsFor("attacker@example.org")).isEmpty();
        assertThat(mailServer.mailsFor(COMMUNE_MAIL)).noneMatch(m -> documentId.equals(header(m, "X-Bus-Document-Id")));
    }

    @Test
    void bounceOfADeliveredMailMakesTheDeliveryFailedAndTellsTheSenderButAForgedOneIsIgnored() throws Exception {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(COMMUNE, "UBND xã Tân Bình")
                .code("311", "UBND-VP").subject("Văn bản sẽ bị trả lại").build();
        String documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
        MimeMessage delivered = awaitMailFor(COMMUNE_MAIL, documentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDocument(OFFICE, documentId).get(0).state()
                == DeliveryState.DELIVERED);

        // the commune's server later returns the mail (RFC 3464), with the original's headers
        StringBuilder originalHeaders = new StringBuilder();
        for (var lines = delivered.getAllHeaderLines(); lines.hasMoreElements(); ) {
            originalHeaders.append(lines.nextElement()).append("\r\n");
        }
        String original = originalHeaders.toString();
        String realId = messageIdOf(delivered);

        // first a forged report: right X-Bus headers, a Message-ID the bus did not write
        int bouncesBefore = receipts.count(MailReceipts.Outcome.BOUNCE);
        sendRaw(dsn(original.replace(realId, "0000000000000000000000000000000000000000@bus.tayninh.gov.vn")));
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts.count(MailReceipts.Outcome.BOUNCE) > bouncesBefore);
        assertThat(ledger.forDocument(OFFICE, documentId).get(0).state()).isEqualTo(DeliveryState.DELIVERED);

        sendRaw(dsn(original));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger.forDocument(OFFICE, documentId))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(DeliveryState.FAILED);
                    assertThat(r.lastError()).contains("5.2.2").contains("mailbox full");
                }));
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> office.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType())));
        EdocPackage status = reader.read(office.fetch(office.pendingIds().stream()
                .filter(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType()))
                .findFirst().orElseThrow().id()));
        assertThat(status.respondedCode()).isEqualTo("311/UBND-VP");
        assertThat(status.statusDescription()).contains("returned the mail as undeliverable").contains("5.2.2");
    }

    @Test
    void sameDocumentSentTwiceToAMailRecipientIsMailedOnce() {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(COMMUNE, "UBND xã Tân Bình")
                .subject("Gửi hai lần").build();
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        String documentId = office.send(pkg).documentId();
        office.send(pkg);
        awaitMailFor(COMMUNE_MAIL, documentId);
        // both copies have been through the queues once they are drained
        await().atMost(Duration.ofSeconds(30)).until(() -> queueDepth("bus.outgoing") == 0
                && queueDepth("bus.deliver.mail") == 0);
        assertThat(mailServer.mailsFor(COMMUNE_MAIL))
                .filteredOn(m -> documentId.equals(header(m, "X-Bus-Document-Id"))).hasSize(1);
        assertThat(ledger.forDocument(OFFICE, documentId)).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(DeliveryState.DELIVERED));
    }

    @Test
    void mailServerDownIsRetriedWithBackOffAndTheDocumentIsMailedOnceItIsBack() {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(COMMUNE, "UBND xã Tân Bình")
                .subject("Máy chủ thư tạm ngừng").build();
        mailServer.stop();
        String documentId;
        try {
            documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
            // between two attempts the row is UNCERTAIN; while the broker redelivers it is SENDING again,
            // so the state is part of the wait (asserted after it, a loaded machine catches the next attempt)
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDocument(OFFICE, documentId).stream()
                    .anyMatch(r -> r.attempts() >= 2 && r.lastError() != null
                            && r.lastError().contains("cannot send through the SMTP server")
                            && r.state() == DeliveryState.UNCERTAIN));
        } finally {
            mailServer.start();
        }
        awaitMailFor(COMMUNE_MAIL, documentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDocument(OFFICE, documentId).get(0).state()
                == DeliveryState.DELIVERED);
        assertThat(mailServer.mailsFor(COMMUNE_MAIL))
                .filteredOn(m -> documentId.equals(header(m, "X-Bus-Document-Id"))).hasSize(1);
    }

    @Test
    void mailServerDownThroughEveryAttemptFailsTheDeliveryAndTellsTheSender() {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(COMMUNE, "UBND xã Tân Bình")
                .code("77", "UBND-VP").subject("Máy chủ thư ngừng lâu").build();
        mailServer.stop();
        String documentId;
        try {
            documentId = system(OFFICE, OFFICE_TOKEN).send(pkg).documentId();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.forDocument(OFFICE, documentId).stream()
                    .anyMatch(r -> r.state() == DeliveryState.FAILED));
        } finally {
            mailServer.start();
        }
        assertThat(ledger.forDocument(OFFICE, documentId)).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(10);
            assertThat(r.lastError()).startsWith("gave up after 10 attempts: cannot send through the SMTP server");
        });
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> office.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType())));
        EdocPackage status = reader.read(office.fetch(office.pendingIds().stream()
                .filter(i -> documentId.equals(i.documentId()) && "STATUS".equals(i.messageType()))
                .findFirst().orElseThrow().id()));
        assertThat(status.respondedCode()).isEqualTo("77/UBND-VP");
        assertThat(status.statusDescription()).contains("gave up after 10 attempts");
    }

    // ------------------------------------------------------------------ inbound

    @Test
    void mailFromAKnownUnitReachesTheLocalSystemsPendingBoxAsADocumentFromThatUnit() throws Exception {
        String subject = "Báo cáo kết quả thực hiện tháng 11 " + UUID.randomUUID();
        sendMail(COMMUNE_MAIL, BUS_MAIL, subject, "Kính gửi Văn phòng UBND tỉnh, xã gửi báo cáo.",
                MailAttachment.of("Báo cáo tháng 11 – xã Tân Bình.pdf", "application/pdf", PDF));

        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        PendingItem item = awaitPendingFromCommune(office, subject);
        EdocPackage doc = reader.read(office.fetch(item.id()));
        assertThat(doc.fromOrganId()).isEqualTo(COMMUNE);
        assertThat(doc.subject()).isEqualTo(subject);
        assertThat(doc.content()).isEqualTo("Kính gửi Văn phòng UBND tỉnh, xã gửi báo cáo.");
        assertThat(doc.toOrganIds()).containsExactly(OFFICE);
        assertThat(doc.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Báo cáo tháng 11 – xã Tân Bình.pdf");
            assertThat(a.data()).isEqualTo(PDF);
        });
        // the received time is the bus's trace header; the bus signed the package it made
        assertThat(doc.traces()).extracting(EdocPackage.Trace::organId).containsExactly(COMMUNE, "000.00.00.H53");
        assertThat(IndependentSignatureCheck.verifies(office.fetch(item.id()), dataDir.resolve("pki/root-ca.pem")))
                .isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.waiting() == 0);
    }

    @Test
    void mailCarryingASignedPackageIsVerifiedAndDeliveredAsItIs() throws Exception {
        EdocPackage parsed = SamplePackages.edoc().from(COMMUNE, "UBND xã Tân Bình").to(FINANCE, "Sở Tài chính")
                .subject("Văn bản có chữ ký số của xã " + UUID.randomUUID()).buildPackage();
        new PackageSigner(COMMUNE_SIGNER).sign(parsed.dom());
        byte[] signed = parsed.toBytes();
        sendMail(COMMUNE_MAIL, BUS_MAIL, "Gửi văn bản điện tử", "Xem tệp đính kèm.",
                MailAttachment.of("vanban.xml", "application/xml", signed));

        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> finance.pendingIds().stream()
                .anyMatch(i -> parsed.documentId().equals(i.documentId())));
        PendingItem item = finance.pendingIds().stream().filter(i -> parsed.documentId().equals(i.documentId()))
                .findFirst().orElseThrow();
        assertThat(finance.fetch(item.id())).isEqualTo(signed);
    }

    @Test
    void mailFromAnUnknownSenderIsQuarantinedAndDeliveredOnceAnOperatorAcceptsIt() throws Exception {
        String subject = "Thư từ địa chỉ lạ " + UUID.randomUUID();
        sendMail("nguoi-la@gmail.example", BUS_MAIL, subject, "Gửi nhờ văn bản.",
                MailAttachment.of("to-trinh.pdf", "application/pdf", PDF));
        Map<?, ?> item = awaitQuarantined(subject, "UNKNOWN_SENDER");
        assertThat((String) item.get("reasonText")).contains("nguoi-la@gmail.example")
                .contains("belongs to no agency in the directory");
        String id = (String) item.get("id");

        // only operators and administrators decide (docs/security.md); anonymous POSTs fail the CSRF check first
        ResponseEntity<Map> anonymous = rest.postForEntity("/api/v1/quarantine/" + id + "/accept",
                Map.of("senderOrganId", COMMUNE), Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> auditor = rest.postForEntity("/api/v1/quarantine/" + id + "/accept",
                new HttpEntity<>(Map.of("senderOrganId", COMMUNE), as(TestUsers.AUDITOR)), Map.class);
        assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> accepted = rest.postForEntity("/api/v1/quarantine/" + id + "/accept",
                new HttpEntity<>(Map.of("senderOrganId", COMMUNE), as(TestUsers.OPERATOR)), Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).containsEntry("decision", "ACCEPTED").containsEntry("actor", TestUsers.OPERATOR.username)
                .containsEntry("decidedSenderId", COMMUNE);

        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        PendingItem delivered = awaitPendingFromCommune(office, subject);
        assertThat(reader.read(office.fetch(delivered.id())).attachments()).extracting(EdocAttachment::name)
                .containsExactly("to-trinh.pdf");

        ResponseEntity<Map> again = rest.postForEntity("/api/v1/quarantine/" + id + "/accept",
                new HttpEntity<>(Map.of("senderOrganId", COMMUNE), as(TestUsers.ADMIN)), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("message")).contains("was ACCEPTED by " + TestUsers.OPERATOR.username);
        assertThat(again.getBody()).containsEntry("code", "CONFLICT").containsEntry("field", "id")
                .containsEntry("rule", "undecided");
        assertThat((String) again.getBody().get("messageVi")).isNotBlank();
    }

    @Test
    void smimeSignedMailFromAKnownUnitUnderATrustedRootIsDeliveredWithItsSignerRecorded() throws Exception {
        String subject = "Thư có chữ ký S/MIME " + UUID.randomUUID();
        sendSmimeSigned(COMMUNE_SIGNER, subject);

        PendingItem item = awaitPendingFromCommune(system(OFFICE, OFFICE_TOKEN), subject);
        assertThat(item.from()).isEqualTo(COMMUNE);
    }

    @Test
    void smimeSignedMailWhoseSignerChainsToNoTrustAnchorIsQuarantinedAsUntrusted() throws Exception {
        String subject = "Chữ ký S/MIME của gốc lạ " + UUID.randomUUID();
        KeyMaterial stranger = DevCertificateAuthority.newRoot("Stranger Root CA (test)").issueSigner("Kẻ lạ");
        sendSmimeSigned(stranger, subject);

        Map<?, ?> item = awaitQuarantined(subject, "UNTRUSTED_MAIL_SIGNATURE");
        assertThat((String) item.get("reasonText")).contains("Kẻ lạ").contains("UNTRUSTED_ROOT");
    }

    private void sendSmimeSigned(KeyMaterial signer, String subject) throws Exception {
        MimeBodyPart content = new MimeBodyPart();
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Kính gửi Văn phòng UBND tỉnh.", "UTF-8");
        mixed.addBodyPart(body);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        file.setFileName("bao-cao.pdf");
        file.setHeader("Content-Transfer-Encoding", "base64");
        mixed.addBodyPart(file);
        content.setContent(mixed);
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress(COMMUNE_MAIL));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(BUS_MAIL));
        message.setSubject(subject, "UTF-8");
        message.setContent(new SmimeSigner(signer.privateKey(), signer.chain()).sign(content));
        sendRaw(message);
    }

    @Test
    void mailWithNoUsableAttachmentIsQuarantinedAndAnOperatorRejectsIt() throws Exception {
        String subject = "Chỉ có lời nhắn " + UUID.randomUUID();
        sendMail(COMMUNE_MAIL, BUS_MAIL, subject, "Xin chào, không có tệp nào.");
        Map<?, ?> item = awaitQuarantined(subject, "NO_USABLE_ATTACHMENT");
        String id = (String) item.get("id");
        ResponseEntity<Map> rejected = rest.postForEntity("/api/v1/quarantine/" + id + "/reject",
                new HttpEntity<>(Map.of("reason", "Thư hỏi thăm, không phải văn bản"), as(TestUsers.OPERATOR)),
                Map.class);
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rejected.getBody()).containsEntry("decision", "REJECTED")
                .containsEntry("decisionReason", "Thư hỏi thăm, không phải văn bản");
        assertThat(quarantineList()).noneMatch(i -> id.equals(i.get("id")));
    }

    @Test
    void mailOverTheSizeLimitIsQuarantinedWithTheReasonWithoutBeingDownloaded() throws Exception {
        String subject = "Tệp quá lớn " + UUID.randomUUID();
        byte[] big = new byte[1_500_000];
        new java.util.Random(7).nextBytes(big);
        sendMail(COMMUNE_MAIL, BUS_MAIL, subject, "Tệp lớn.", MailAttachment.of("ban-do.tif", "image/tiff", big));
        Map<?, ?> item = awaitQuarantined(null, "MAIL_TOO_LARGE");
        assertThat((String) item.get("reasonText")).contains("over the limit of 1048576 bytes");
        ResponseEntity<Map> accepted = rest.postForEntity("/api/v1/quarantine/" + item.get("id") + "/accept",
                new HttpEntity<>(Map.of("senderOrganId", COMMUNE), as(TestUsers.OPERATOR)), Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void mailWhosePackageCannotBeQueuedStaysInTheMailboxAndIsDeliveredOnceWhenThePollRunsAgain() throws Exception {
        String subject = "Sự cố giữa lấy thư và ghi hàng đợi " + UUID.randomUUID();
        long queuedBefore = messagesAdded("bus.incoming");
        camel.getRouteController().stopRoute("mail-incoming-enqueue");
        try {
            sendMail(COMMUNE_MAIL, BUS_MAIL, subject, "Nội dung.", MailAttachment.of("a.pdf", "application/pdf", PDF));
            // two complete polls fetched the mail and failed to commit it
            var polls = new org.apache.camel.builder.NotifyBuilder(camel).fromRoute("mail-incoming-poll")
                    .whenCompleted(2).create();
            assertThat(polls.matches(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(mailbox.waiting()).isEqualTo(1);
            assertThat(messagesAdded("bus.incoming")).isEqualTo(queuedBefore);
        } finally {
            camel.getRouteController().startRoute("mail-incoming-enqueue");
        }
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        awaitPendingFromCommune(office, subject);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.waiting() == 0);
        assertThat(messagesAdded("bus.incoming")).isEqualTo(queuedBefore + 1);
        assertThat(pendingFromCommune(office, subject)).hasSize(1);
    }

    @Test
    void mailCommittedButNotMovedBeforeACrashIsMovedWithoutBeingQueuedAgain() throws Exception {
        String subject = "Sự cố giữa ghi hàng đợi và chuyển thư " + UUID.randomUUID();
        camel.getRouteController().stopRoute("mail-incoming-poll");
        long queuedBefore;
        try {
            sendMail(COMMUNE_MAIL, BUS_MAIL, subject, "Nội dung.", MailAttachment.of("b.pdf", "application/pdf", PDF));
            queuedBefore = messagesAdded("bus.incoming");
            // the poll settles the mail, then the process dies before the mail is moved
            int moved = mailbox.poll(10, mail -> {
                poller.take(mail);
                return ImapMailbox.Disposition.KEEP;
            });
            assertThat(moved).isZero();
            assertThat(mailbox.waiting()).isEqualTo(1);
        } finally {
            camel.getRouteController().startRoute("mail-incoming-poll");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.waiting() == 0);
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        awaitPendingFromCommune(office, subject);
        assertThat(messagesAdded("bus.incoming")).isEqualTo(queuedBefore + 1);
        assertThat(pendingFromCommune(office, subject)).hasSize(1);
    }

    @Test
    void mailQueuedButNotRecordedBeforeACrashIsQueuedAgainButDeliveredOnce() throws Exception {
        String subject = "Sự cố trước khi ghi nhận thư " + UUID.randomUUID();
        camel.getRouteController().stopRoute("mail-incoming-poll");
        long queuedBefore;
        try {
            sendMail(COMMUNE_MAIL, BUS_MAIL, subject, "Nội dung.", MailAttachment.of("c.pdf", "application/pdf", PDF));
            queuedBefore = messagesAdded("bus.incoming");
            // the crashed poll got as far as the durable queue: neither the receipt nor the move happened
            mailbox.poll(10, mail -> {
                byte[] raw = mail.raw();
                MailVerdict verdict = intake.judge(parser.parse(raw), mail.receivedAt(),
                        MailReceipts.keyOf(mail.messageId(), mail.headers()), java.util.Optional.empty());
                assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
                incomingQueue.enqueue(verdict);
                return ImapMailbox.Disposition.KEEP;
            });
            LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
            awaitPendingFromCommune(office, subject);
        } finally {
            camel.getRouteController().startRoute("mail-incoming-poll");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.waiting() == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> queueDepth("bus.incoming") == 0);
        assertThat(messagesAdded("bus.incoming")).as("queued by the crashed poll and again").isEqualTo(queuedBefore + 2);
        assertThat(pendingFromCommune(system(OFFICE, OFFICE_TOKEN), subject)).hasSize(1);
    }

    // ------------------------------------------------------------------ the mail server retuned live

    @Test
    void theSmtpServerAndTheMailboxAreRetunedLiveToASecondServerLoggedInWithTheReferencedSecretNeverShownOrAudited()
            throws Exception {
        assertRefused("deliver-mail", "{\"endpointUrl\": \"imaps://mail.tayninh.gov.vn\"}", "endpointUrl", "url");
        assertRefused("deliver-mail", "{\"endpointUrl\": \"smtps://congvan:pw@mail.tayninh.gov.vn\"}", "endpointUrl",
                "no-credentials");
        assertRefused("deliver-mail", "{\"endpointUrl\": \"smtp://mail.tayninh.gov.vn?auth=plain\"}", "endpointUrl",
                "query-parameter");
        assertRefused("deliver-mail", "{\"endpointUrl\": \"smtp://mail.tayninh.gov.vn?security=ssl\"}", "endpointUrl",
                "security");
        assertRefused("mail-incoming-poll", "{\"endpointUrl\": \"smtp://127.0.0.1:25?security=none\"}", "endpointUrl",
                "url");
        assertRefused("mail-incoming-poll", "{\"credentialsRef\": \"no.such.secret\"}", "credentialsRef", "resolves");
        // the configured SMTP login is anonymous: a user name without a secret would send no password
        assertRefused("deliver-mail", "{\"endpointUrl\": \"smtp://congvan%40tayninh.gov.vn@127.0.0.1:" + SMTP_PORT
                + "?security=none\"}", "credentialsRef", "secret-for-user");
        String firstSmtp = routeSettings("deliver-mail").path("endpointUrl").asText();
        String firstImap = routeSettings("mail-incoming-poll").path("endpointUrl").asText();
        assertThat(firstSmtp).isEqualTo("smtp://127.0.0.1:" + SMTP_PORT + "?security=none");
        assertThat(firstImap).startsWith("imap://congvan%40tayninh.gov.vn@127.0.0.1:").endsWith("?security=none");

        int secondSmtpPort = TestPorts.free();
        int secondImapPort = TestPorts.free();
        GreenMail second = new GreenMail(new ServerSetup[] {
                new ServerSetup(secondSmtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(secondImapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        second.start();
        try {
            // GreenMail checks the password of an SMTP login but does not demand one: what it was is recorded
            List<String> smtpLogins = new java.util.concurrent.CopyOnWriteArrayList<>();
            MessageDeliveryHandler delivery = second.getUserManager().getMessageDeliveryHandler();
            second.getUserManager().setMessageDeliveryHandler((message, address) -> {
                smtpLogins.add(message.getAuthenticationState() instanceof LoginAuthenticationState login
                        ? login.getUsername() + "/" + login.getPassword()
                        : message.getAuthenticationState() instanceof PlainAuthenticationState plain
                        ? plain.getUsername() + "/" + plain.getPassword() : "anonymous");
                return delivery.handle(message, address);
            });
            second.setUser(BUS_MAIL, BUS_MAIL, SECOND_SERVER_SECRET);
            String secondSmtp = "smtp://congvan%40tayninh.gov.vn@127.0.0.1:" + secondSmtpPort + "?security=none";
            ResponseEntity<JsonNode> retuned = putSettings("deliver-mail",
                    "{\"endpointUrl\": \"" + secondSmtp + "\", \"credentialsRef\": \"" + SECOND_SERVER_SECRET_REF + "\"}");
            assertThat(retuned.getStatusCode().value()).as(String.valueOf(retuned.getBody())).isEqualTo(200);
            assertThat(retuned.getBody().path("settings").path("endpointUrl").asText()).isEqualTo(secondSmtp);
            assertThat(retuned.getBody().path("settings").path("credentialsRef").asText())
                    .isEqualTo(SECOND_SERVER_SECRET_REF);
            assertThat(retuned.getBody().toString()).doesNotContain(SECOND_SERVER_SECRET);

            String documentId = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc().from(OFFICE, "Văn phòng")
                    .to(COMMUNE, "UBND xã Tân Bình").subject("Gửi qua máy chủ thư mới").build()).documentId();
            await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(second.getReceivedMessages())
                    .anyMatch(m -> documentId.equals(header(m, "X-Bus-Document-Id"))));
            // the second server must have answered before it closes, or the delivery is retried during other tests
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDocument(OFFICE, documentId).stream()
                    .anyMatch(r -> r.state() == DeliveryState.DELIVERED));
            assertThat(smtpLogins).containsOnly(BUS_MAIL + "/" + SECOND_SERVER_SECRET);
            assertThat(mailServer.mailsFor(COMMUNE_MAIL))
                    .noneMatch(m -> documentId.equals(header(m, "X-Bus-Document-Id")));

            String secondImap = "imap://congvan%40tayninh.gov.vn@127.0.0.1:" + secondImapPort + "?security=none";
            ResponseEntity<JsonNode> mailbox2 = putSettings("mail-incoming-poll",
                    "{\"endpointUrl\": \"" + secondImap + "\", \"credentialsRef\": \"" + SECOND_SERVER_SECRET_REF + "\"}");
            assertThat(mailbox2.getStatusCode().value()).as(String.valueOf(mailbox2.getBody())).isEqualTo(200);
            assertThat(mailbox2.getBody().path("settings").path("endpointUrl").asText()).isEqualTo(secondImap);
            // the URL shown, put back, changes nothing
            ResponseEntity<JsonNode> again = putSettings("mail-incoming-poll", "{\"endpointUrl\": \""
                    + routeSettings("mail-incoming-poll").path("endpointUrl").asText() + "\"}");
            assertThat(again.getStatusCode().value()).isEqualTo(200);
            assertThat(again.getBody().path("settings").path("endpointUrl").asText()).isEqualTo(secondImap);

            String subject = "Báo cáo qua hộp thư mới " + UUID.randomUUID();
            sendMail(session(secondSmtpPort), COMMUNE_MAIL, BUS_MAIL, subject, "Xã gửi báo cáo qua máy chủ mới.",
                    MailAttachment.of("Báo cáo – xã Tân Bình.pdf", "application/pdf", PDF));
            LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
            PendingItem item = awaitPendingFromCommune(office, subject);
            assertThat(reader.read(office.fetch(item.id())).fromOrganId()).isEqualTo(COMMUNE);
            // the bus's mailbox bean now reads the second server: the mail left its inbox for the processed folder
            await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.waiting() == 0 && mailbox.processed() == 1);

            for (String route : List.of("deliver-mail", "mail-incoming-poll")) {
                assertThat(TestUsers.ADMIN.on(rest).getForObject("/api/admin/routes/" + route, String.class))
                        .contains(SECOND_SERVER_SECRET_REF).doesNotContain(SECOND_SERVER_SECRET);
                List<AuditRecord> changes = auditStore.search(new AuditQuery(null, null, null, null, route,
                        AuditStep.ADMIN_ACTION, null, null, null), 0, 100).records();
                assertThat(changes).anySatisfy(r -> assertThat(r.detail()).contains(SECOND_SERVER_SECRET_REF));
                assertThat(changes).allSatisfy(r -> assertThat(r.detail()).doesNotContain(SECOND_SERVER_SECRET));
            }
        } finally {
            // empty values clear the settings: the configured servers and passwords are in force again
            ResponseEntity<JsonNode> smtpBack = putSettings("deliver-mail", "{\"endpointUrl\": \"\", \"credentialsRef\": \"\"}");
            ResponseEntity<JsonNode> imapBack = putSettings("mail-incoming-poll",
                    "{\"endpointUrl\": \"\", \"credentialsRef\": \"\"}");
            second.stop();
            assertThat(smtpBack.getStatusCode().value()).as(String.valueOf(smtpBack.getBody())).isEqualTo(200);
            assertThat(imapBack.getStatusCode().value()).as(String.valueOf(imapBack.getBody())).isEqualTo(200);
        }
        assertThat(routeSettings("deliver-mail").path("endpointUrl").asText()).isEqualTo(firstSmtp);
        assertThat(routeSettings("mail-incoming-poll").path("endpointUrl").asText()).isEqualTo(firstImap);
        assertThat(routeSettings("deliver-mail").path("credentialsRef").isNull()).isTrue();
        assertThat(routeSettings("mail-incoming-poll").path("credentialsRef").isNull()).isTrue();
    }

    private void assertRefused(String route, String body, String field, String rule) throws Exception {
        new vn.gov.bus.app.admin.AdminClient(port, TestUsers.ADMIN).assertSettingsRefused(route, body, field, rule);
    }

    private ResponseEntity<JsonNode> putSettings(String route, String json) {
        HttpHeaders headers = as(TestUsers.ADMIN);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange("/api/admin/routes/" + route + "/settings", HttpMethod.PUT,
                new HttpEntity<>(json, headers), JsonNode.class);
    }

    private JsonNode routeSettings(String route) {
        return TestUsers.ADMIN.on(rest).getForObject("/api/admin/routes/" + route, JsonNode.class).path("settings");
    }

    // ------------------------------------------------------------------ helpers

    private LocalDocumentSystemSimulator system(String organId, String token) {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"), organId,
                token);
    }

    private PendingItem awaitPendingFromCommune(LocalDocumentSystemSimulator system, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !pendingFromCommune(system, subject).isEmpty());
        return pendingFromCommune(system, subject).get(0);
    }

    private List<PendingItem> pendingFromCommune(LocalDocumentSystemSimulator system, String subject) {
        return system.pendingIds().stream()
                .filter(i -> COMMUNE.equals(i.from()) && "EDOC".equals(i.messageType()))
                .filter(i -> subject.equals(reader.read(system.fetch(i.id())).subject()))
                .toList();
    }

    private MimeMessage awaitMailFor(String address, String documentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailServer.mailsFor(address).stream()
                .anyMatch(m -> documentId.equals(header(m, "X-Bus-Document-Id"))));
        return mailServer.mailsFor(address).stream().filter(m -> documentId.equals(header(m, "X-Bus-Document-Id")))
                .findFirst().orElseThrow();
    }

    private Map<?, ?> awaitQuarantined(String subjectOrNull, String reasonCode) {
        await().atMost(Duration.ofSeconds(30)).until(() -> quarantineList().stream()
                .anyMatch(i -> reasonCode.equals(i.get("reasonCode"))));
        return quarantineList().stream().filter(i -> reasonCode.equals(i.get("reasonCode"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> quarantineList() {
        return TestUsers.OPERATOR.on(rest).getForObject("/api/v1/quarantine?source=MAIL", List.class);
    }

    private static HttpHeaders as(TestUsers user) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, user.basicAuthorization());
        return headers;
    }

    private static String header(MimeMessage m, String name) {
        try {
            String value = m.getHeader(name, null);
            return value == null ? null : jakarta.mail.internet.MimeUtility.decodeText(
                    jakarta.mail.internet.MimeUtility.unfold(value));
        } catch (Exception e) {
            return null;
        }
    }

    private static String messageIdOf(MimeMessage m) throws Exception {
        return MailParser.bareMessageId(m.getMessageID());
    }

    private Session session() {
        return session(SMTP_PORT);
    }

    private static Session session(int smtpPort) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        return Session.getInstance(props);
    }

    /** What a clerk's ordinary mail client sends. */
    private void sendMail(String from, String to, String subject, String text, MailAttachment... files)
            throws Exception {
        sendMail(session(), from, to, subject, text, files);
    }

    private void sendMail(Session session, String from, String to, String subject, String text,
                          MailAttachment... files) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mixed.addBodyPart(body);
        for (MailAttachment file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.data(), file.contentType())));
            part.setFileName(file.name());
            // as mail clients send files: base64, so no line ending is rewritten on the way
            part.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        sendRaw(message);
    }

    private MimeMessage dsn(String originalHeaders) throws Exception {
        String dsn = "From: MAILER-DAEMON@tanbinh.tayninh.gov.vn\r\nTo: " + BUS_MAIL + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + UUID.randomUUID() + "@tanbinh>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nMailbox full.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; tanbinh\r\n\r\n"
                + "Final-Recipient: rfc822; " + COMMUNE_MAIL + "\r\nAction: failed\r\nStatus: 5.2.2\r\n"
                + "Diagnostic-Code: smtp; 552 5.2.2 mailbox full\r\n\r\n"
                + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\n" + originalHeaders + "--r--\r\n";
        return new MimeMessage(session(), new java.io.ByteArrayInputStream(dsn.getBytes(StandardCharsets.UTF_8)));
    }

    private void sendRaw(MimeMessage message) throws Exception {
        message.saveChanges();
        Transport.send(message);
    }

    private static byte[] bytes(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    private long messagesAdded(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessagesAdded();
    }

    private long queueDepth(String queue) {
        var q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount() + q.getDeliveringCount();
    }

    private static Path writePem(Path file, X509Certificate certificate) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
