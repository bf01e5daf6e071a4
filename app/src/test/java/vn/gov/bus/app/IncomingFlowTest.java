package vn.gov.bus.app;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.FINANCE_TOKEN;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.InboxEntry;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.connectors.qlvb.PendingItem;
import vn.gov.bus.core.edxml.DocumentIds;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.edxml.TraceHeaders;
import vn.gov.bus.core.pki.DevCertificateAuthority;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.signing.PackageSigner;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.InboundReceipts;
import vn.gov.bus.core.state.Quarantine;

/**
 * The incoming flow through real network endpoints: packages another province sent are waiting
 * in the axis simulator (HTTP) for this bus's system id; the bus polls, verifies the signature
 * against its trust anchors, and either delivers to the local recipient's pending box (fetched
 * over SOAP) and acknowledges done, or quarantines and acknowledges fail with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.axis.poll-interval=200ms",
        "bus.axis.request-timeout=5s",
        "bus.pki.allow-sha1=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IncomingFlowTest {

    static final String SYSTEM_ID = "00.53.W00";
    /** A province still sending unsigned packages, allowed to by the directory. */
    static final String UNSIGNED_PROVINCE = "000.00.00.H29";

    static final DevCertificateAuthority PARTNER_CA = DevCertificateAuthority.newRoot("Partner Root CA (test)");
    static final KeyMaterial PARTNER_SIGNER = PARTNER_CA.issueSigner("Văn phòng Chính phủ (test signer)");
    static final KeyMaterial REVOKED_SIGNER = PARTNER_CA.issueSigner("Revoked signer (test)");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
        registry.add("bus.pki.extra-trust-anchors", () -> writePem(dataDir.resolve("partner-root.pem"),
                PARTNER_CA.root()).toString());
        registry.add("bus.pki.crl-files", () -> writeCrl(dataDir.resolve("partner.crl"),
                PARTNER_CA.issueCrl(List.of(REVOKED_SIGNER.certificate()))).toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    AxisSimulator axis;
    @Autowired
    EdxmlReader reader;
    @Autowired
    Quarantine quarantine;
    @Autowired
    AgencyDirectory directory;
    @Autowired
    InboundReceipts receipts;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void unsignedProvinceIsAllowedToSendUnsigned() {
        directory.upsert(new Agency(UNSIGNED_PROVINCE, "Ủy ban nhân dân tỉnh thử nghiệm (chưa ký số)", Channel.AXIS,
                null, "ACCEPT_UNSIGNED_FLAGGED", null, "TEST"), null);
    }

    @Test
    void packageSignedUnderATrustedPartnerRootReachesTheLocalRecipientAndIsAcknowledgedDone() {
        byte[] pkg = signed(documentFrom(GOVERNMENT_OFFICE, "Về việc triển khai văn bản điện tử"), PARTNER_SIGNER);
        String docId = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        String documentId = documentIdOf(pkg);

        awaitAcknowledged(docId, "done");
        LocalDocumentSystemSimulator finance = finance();
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance, documentId).size() == 1);
        PendingItem item = pendingFor(finance, documentId).get(0);
        assertThat(item.from()).isEqualTo(GOVERNMENT_OFFICE);
        // delivered as received: byte for byte, with the sender's signature
        assertThat(finance.fetch(item.id())).isEqualTo(pkg);
        finance.confirm(item.id());
        assertThat(quarantine.find("AXIS", docId)).isEmpty();
    }

    @Test
    void oneChangedByteAfterSigningIsRefusedWithDigestMismatchAndQuarantined() {
        String signed = new String(signed(documentFrom(GOVERNMENT_OFFICE, "Kiểm tra toàn vẹn"), PARTNER_SIGNER),
                StandardCharsets.UTF_8);
        String tampered = signed.replace("Kiểm tra toàn vẹn", "Kiểm tra toàn vẹm");
        assertThat(tampered).isNotEqualTo(signed);
        assertRefused(tampered.getBytes(StandardCharsets.UTF_8), "INVALID_SIGNATURE", "digest mismatch");
    }

    @Test
    void expiredSignerCertificateIsRefusedSayingWhenItExpired() {
        KeyMaterial expired = PARTNER_CA.issueExpired("Expired signer (test)");
        byte[] pkg = signed(documentFrom(GOVERNMENT_OFFICE, "Chứng thư hết hạn"), expired);
        assertRefused(pkg, "CERTIFICATE_EXPIRED", "expired on " + expired.certificate().getNotAfter().toInstant());
    }

    @Test
    void certificateThatExpiredWhileThePackageTravelledIsJudgedAtTheSendersClaimedSendingTime() {
        Instant now = Instant.now();
        KeyMaterial expiredYesterday = PARTNER_CA.issue(DevCertificateAuthority.EndEntity.signer("Expired in transit")
                .validity(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1))));
        byte[] pkg = signedAfterSendersTrace(documentFrom(GOVERNMENT_OFFICE, "Văn bản gửi trước khi chứng thư hết hạn"),
                expiredYesterday, now.minus(Duration.ofDays(2)));
        String docId = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        String documentId = documentIdOf(pkg);

        awaitAcknowledged(docId, "done");
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance(), documentId).size() == 1);
        assertThat(jdbc.queryForObject("SELECT verification FROM inbound_receipt WHERE document_id = ?", String.class,
                documentId)).startsWith("VALID").contains("the sending time the sender's TraceHeader claims");
    }

    @Test
    void claimedSendingTimeOlderThanTheWindowIsIgnoredAndTheExpiredCertificateRefused() {
        KeyMaterial expired = PARTNER_CA.issueExpired("Expired long ago (test)");
        byte[] pkg = signedAfterSendersTrace(documentFrom(GOVERNMENT_OFFICE, "Thời điểm gửi quá cũ"), expired,
                Instant.now().minus(Duration.ofDays(35)));
        assertRefused(pkg, "CERTIFICATE_EXPIRED", "bus.pki.signing-time-window");
    }

    @Test
    void revokedCertificateIsRefusedEvenWhenThePackageClaimsItWasSentBeforeTheRevocation() {
        byte[] pkg = signedAfterSendersTrace(documentFrom(GOVERNMENT_OFFICE, "Ký trước khi bị thu hồi?"), REVOKED_SIGNER,
                Instant.now().minus(Duration.ofHours(12)));
        assertRefused(pkg, "CERTIFICATE_REVOKED", "not a trusted time");
    }

    @Test
    void signerUnderAnUntrustedRootIsRefusedAsUntrustedRoot() {
        DevCertificateAuthority stranger = DevCertificateAuthority.newRoot("Unknown Root CA (test)");
        byte[] pkg = signed(documentFrom(GOVERNMENT_OFFICE, "Gốc tin cậy lạ"), stranger.issueSigner("Stranger"));
        assertRefused(pkg, "CERTIFICATE_UNTRUSTED_ROOT", "trust anchor");
    }

    @Test
    void signerRevokedByTheConfiguredCrlIsRefusedAsRevoked() {
        byte[] pkg = signed(documentFrom(GOVERNMENT_OFFICE, "Chứng thư bị thu hồi"), REVOKED_SIGNER);
        assertRefused(pkg, "CERTIFICATE_REVOKED", "was revoked");
    }

    @Test
    void rsaSha1SignatureIsRefusedUnderTheStrictPolicy() throws Exception {
        EdocPackage parsed = reader.read(documentFrom(GOVERNMENT_OFFICE, "Chữ ký SHA-1"));
        signWithSantuario(parsed.dom(), PARTNER_SIGNER, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                "http://www.w3.org/2000/09/xmldsig#sha1");
        assertRefused(parsed.toBytes(), "WEAK_ALGORITHM", "SHA-1");
    }

    @Test
    void unsignedPackageFromASenderThatMustSignIsRefused() {
        byte[] pkg = documentFrom(GOVERNMENT_OFFICE, "Không có chữ ký");
        assertRefused(pkg, "UNSIGNED", "REJECT_UNSIGNED");
    }

    @Test
    void unsignedPackageFromASenderAllowedToSendUnsignedIsDelivered() {
        byte[] pkg = documentFrom(UNSIGNED_PROVINCE, "Văn bản chưa ký số");
        String docId = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        awaitAcknowledged(docId, "done");
        LocalDocumentSystemSimulator finance = finance();
        String documentId = documentIdOf(pkg);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance, documentId).size() == 1);
        assertThat(finance.fetch(pendingFor(finance, documentId).get(0).id())).isEqualTo(pkg);
    }

    @Test
    void samePackageOfferedTwiceIsDeliveredOnceAndBothOffersAreAcknowledgedDone() {
        byte[] pkg = signed(documentFrom(GOVERNMENT_OFFICE, "Gửi trùng"), PARTNER_SIGNER);
        String documentId = documentIdOf(pkg);
        String first = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        awaitAcknowledged(first, "done");
        String second = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        awaitAcknowledged(second, "done");
        LocalDocumentSystemSimulator finance = finance();
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance, documentId).size() == 1);
        // the second offer was settled (done) after the first was queued: nothing else can arrive
        assertThat(pendingFor(finance, documentId)).hasSize(1);
    }

    @Test
    void statusForADocumentOfALocalAgencyReachesThatAgency() {
        String answered = DocumentIds.conventional(FINANCE, LocalDate.now(),
                String.valueOf(System.nanoTime() % 100000), "STC-NS");
        byte[] status = SamplePackages.status()
                .from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .responseFor(FINANCE, "125/STC-NS", LocalDate.now(), answered)
                .statusCode("03")
                .build();
        byte[] pkg = signed(status, PARTNER_SIGNER);
        String docId = axis.enqueueIncoming(SYSTEM_ID, pkg, "status");
        awaitAcknowledged(docId, "done");
        LocalDocumentSystemSimulator finance = finance();
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance, answered).size() == 1);
        assertThat(pendingFor(finance, answered).get(0).messageType()).isEqualTo("STATUS");
    }

    @Test
    void packageThatIsNotEdxmlIsRefusedAsMalformedAndQuarantined() {
        byte[] junk = "<html><body>not a package</body></html>".getBytes(StandardCharsets.UTF_8);
        String docId = axis.enqueueIncoming(SYSTEM_ID, junk, "edoc");
        InboxEntry entry = awaitAcknowledged(docId, "fail");
        assertThat(entry.reason()).startsWith("MALFORMED_PACKAGE: the package is not readable edXML");
        Quarantine.Entry quarantined = quarantine.find("AXIS", docId).orElseThrow();
        assertThat(quarantined.reasonCode()).isEqualTo("MALFORMED_PACKAGE");
        assertThat(quarantined.documentId()).isNull();
        assertThat(quarantined.pkg()).isEqualTo(junk);
    }

    @Test
    void packageQueuedButNotAcknowledgedBeforeACrashIsAcknowledgedDoneAndDeliveredOnce() throws Exception {
        byte[] pkg = signed(documentFrom(GOVERNMENT_OFFICE, "Sự cố giữa xếp hàng và xác nhận"), PARTNER_SIGNER);
        String documentId = documentIdOf(pkg);
        String docId;
        camel.getRouteController().stopRoute("axis-incoming-poll");
        try {
            // What a crash right after the durable send leaves: the package on bus.incoming (here
            // even recorded as received), the axis still offering it as waiting.
            docId = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
            String messageId = "crashed-" + docId;
            producer.sendBodyAndHeaders("jms:queue:bus.incoming", pkg, Map.of(
                    "BusMessageId", messageId, "BusDocumentId", documentId, "BusSenderId", GOVERNMENT_OFFICE,
                    "BusMessageType", "EDOC", "BusDedupKey", documentId, "BusVerification", "VALID"));
            receipts.record(GOVERNMENT_OFFICE, documentId, documentId, "EDOC", "AXIS", docId, messageId, "VALID");
            LocalDocumentSystemSimulator finance = finance();
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance, documentId).size() == 1);
            assertThat(inboxEntry(docId).orElseThrow().status()).isEqualTo(InboxEntry.WAITING);
        } finally {
            camel.getRouteController().startRoute("axis-incoming-poll");
        }
        awaitAcknowledged(docId, "done");
        assertThat(pendingFor(finance(), documentId)).hasSize(1);
    }

    @Test
    void packageQueuedButNotYetRecordedBeforeACrashIsQueuedAgainButDeliveredOnce() throws Exception {
        byte[] pkg = signed(documentFrom(GOVERNMENT_OFFICE, "Sự cố trước khi ghi nhận"), PARTNER_SIGNER);
        String documentId = documentIdOf(pkg);
        String docId;
        long queuedBefore = messagesAdded("bus.incoming");
        camel.getRouteController().stopRoute("axis-incoming-poll");
        try {
            docId = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
            producer.sendBodyAndHeaders("jms:queue:bus.incoming", pkg, Map.of(
                    "BusMessageId", "crashed-" + docId, "BusDocumentId", documentId, "BusSenderId",
                    GOVERNMENT_OFFICE, "BusMessageType", "EDOC", "BusDedupKey", documentId, "BusVerification", "VALID"));
            LocalDocumentSystemSimulator finance = finance();
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(finance, documentId).size() == 1);
        } finally {
            camel.getRouteController().startRoute("axis-incoming-poll");
        }
        awaitAcknowledged(docId, "done");
        // the re-queued copy has been through incoming-dispatch once the queue is drained
        await().atMost(Duration.ofSeconds(30)).until(() -> queueDepth("bus.incoming") == 0);
        assertThat(messagesAdded("bus.incoming")).as("queued by the crashed poll and again").isEqualTo(queuedBefore + 2);
        assertThat(pendingFor(finance(), documentId)).hasSize(1);
    }

    private long messagesAdded(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessagesAdded();
    }

    private long queueDepth(String queue) {
        var q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q.getMessageCount() + q.getDeliveringCount();
    }

    private void assertRefused(byte[] pkg, String reasonCode, String reasonMentions) {
        String docId = axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        InboxEntry entry = awaitAcknowledged(docId, "fail");
        assertThat(entry.reason()).contains(reasonCode).contains(reasonMentions);
        Quarantine.Entry quarantined = quarantine.find("AXIS", docId).orElseThrow();
        assertThat(quarantined.reasonCode()).isEqualTo(reasonCode);
        assertThat(quarantined.reasonText()).contains(reasonMentions);
        assertThat(quarantined.pkg()).isEqualTo(pkg);
        String documentId = documentIdOf(pkg);
        assertThat(quarantined.documentId()).isEqualTo(documentId);
        assertThat(pendingFor(finance(), documentId)).isEmpty();
    }

    private InboxEntry awaitAcknowledged(String docId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxEntry(docId)
                .map(e -> !InboxEntry.WAITING.equals(e.status())).orElse(false));
        InboxEntry entry = inboxEntry(docId).orElseThrow();
        assertThat(entry.status()).as("acknowledgement of %s (reason: %s)", docId, entry.reason()).isEqualTo(status);
        return entry;
    }

    private Optional<InboxEntry> inboxEntry(String docId) {
        return axis.inbox(SYSTEM_ID).stream().filter(e -> docId.equals(e.docId())).findFirst();
    }

    private LocalDocumentSystemSimulator finance() {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"),
                FINANCE, FINANCE_TOKEN);
    }

    private static List<PendingItem> pendingFor(LocalDocumentSystemSimulator system, String documentId) {
        return system.pendingIds().stream().filter(i -> documentId.equals(i.documentId())).toList();
    }

    private static byte[] documentFrom(String sender, String subject) {
        return SamplePackages.edoc().from(sender, "Cơ quan gửi").to(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                .subject(subject).build();
    }

    private String documentIdOf(byte[] pkg) {
        EdocPackage parsed = reader.read(pkg);
        return parsed.kind() == EdocPackage.Kind.STATUS ? parsed.respondedDocumentId() : parsed.documentId();
    }

    /** As the sender's system does: its own TraceHeader (the time it sends), then its signature. */
    private byte[] signedAfterSendersTrace(byte[] pkg, KeyMaterial key, Instant sentAt) {
        EdocPackage parsed = reader.read(pkg);
        TraceHeaders.append(parsed.dom(), parsed.fromOrganId(), sentAt);
        new PackageSigner(key).sign(parsed.dom());
        return parsed.toBytes();
    }

    private byte[] signed(byte[] pkg, KeyMaterial key) {
        EdocPackage parsed = reader.read(pkg);
        new PackageSigner(key).sign(parsed.dom());
        return parsed.toBytes();
    }

    /** What other producers emit (here SHA-1), which PackageSigner deliberately cannot make. */
    private static void signWithSantuario(Document doc, KeyMaterial key, String signatureMethod, String digestMethod)
            throws Exception {
        org.apache.xml.security.Init.init();
        XMLSignature signature = new XMLSignature(doc, "", signatureMethod, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        Element header = (Element) doc.getElementsByTagNameNS("http://www.mic.gov.vn/TBT/QCVN_102_2016",
                "edXMLHeader").item(0);
        header.appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", transforms, digestMethod);
        X509Data data = new X509Data(doc);
        for (X509Certificate c : key.chain()) {
            data.addCertificate(c);
        }
        signature.getKeyInfo().add(data);
        signature.sign(key.privateKey());
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

    private static Path writeCrl(Path file, X509CRL crl) {
        try {
            return Files.write(file, crl.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }
}
