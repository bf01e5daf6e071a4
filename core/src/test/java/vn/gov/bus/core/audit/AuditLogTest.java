package vn.gov.bus.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.audit.verifier.Bundle;
import vn.gov.bus.audit.verifier.BundleVerifier;
import vn.gov.bus.audit.verifier.ChainVerifier;

/** The audit log's store and writer on both databases the bus supports. */
class AuditLogTest {

    static final String OFFICE = "000.00.01.H53";
    static final String FINANCE = "000.00.05.H53";

    static AuditEvent.Builder event(AuditStep step, String documentId) {
        return AuditEvent.of(step).documentId(documentId).messageId("m-" + documentId).senderId(OFFICE)
                .recipientId(FINANCE).routeId("deliver-local").detail("thử nghiệm – chi tiết");
    }

    @ParameterizedTest
    @EnumSource(AuditDatabases.class)
    void recordsAppendedByConcurrentCallersFormOneChainThatVerifies(AuditDatabases db) throws Exception {
        try (AuditFixture audit = new AuditFixture(db.fresh())) {
            Thread[] callers = new Thread[4];
            for (int t = 0; t < callers.length; t++) {
                int n = t;
                callers[t] = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        audit.writer.record(event(AuditStep.RECEIVED, "doc-" + n + "-" + i)
                                .payload(("gói " + n + "/" + i).getBytes(StandardCharsets.UTF_8)).build());
                    }
                });
                callers[t].start();
            }
            for (Thread t : callers) {
                t.join();
            }
            // each record() returned after its commit: all 200 are in the database now
            assertThat(audit.store.head().seq()).isEqualTo(200);
            ChainVerifier.Report report = audit.verification.verify();
            assertThat(report.ok()).as(report.summary()).isTrue();
            assertThat(report.records()).isEqualTo(200);
            assertThat(report.payloads()).isEqualTo(200);
            assertThat(report.checkpoints()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(AuditDatabases.class)
    void theSameAttachmentForFiftyRecipientsIsStoredOnceCompressed(AuditDatabases db) {
        DataSource ds = db.fresh();
        byte[] pkg = ("<edXML>" + "Văn bản gửi năm mươi cơ quan. ".repeat(2000) + "</edXML>")
                .getBytes(StandardCharsets.UTF_8);
        try (AuditFixture audit = new AuditFixture(ds)) {
            for (int i = 0; i < 50; i++) {
                audit.writer.record(event(AuditStep.DELIVERED, "doc-50").recipientId("000.00." + i + ".H53")
                        .payload(pkg).build());
            }
            assertThat(audit.store.payloadCount()).isEqualTo(1);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            Long stored = jdbc.queryForObject("SELECT SUM(LENGTH(content)) FROM audit_payload", Long.class);
            assertThat(stored).isLessThan(pkg.length / 10L);
            assertThat(audit.store.payload(audit.store.find(1).orElseThrow().payloadSha256())).hasValue(pkg);
            assertThat(audit.store.search(AuditQuery.byDocument("doc-50"), 0, 100).records())
                    .extracting(AuditRecord::payloadSha256).containsOnly(vn.gov.bus.audit.verifier.Digests.sha256Hex(pkg));
        }
    }

    @ParameterizedTest
    @EnumSource(AuditDatabases.class)
    void theReceivedAndTheSignedPackageShareTheirAttachmentStoredOnceAndBothReadBackExactly(AuditDatabases db)
            throws Exception {
        DataSource ds = db.fresh();
        byte[] attachment = new byte[200 * 1024];
        new Random(11).nextBytes(attachment);
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(attachment);
        byte[] received = ("<edXML><Header>gửi</Header><Attachment>" + base64 + "</Attachment></edXML>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] signed = ("<edXML><Header>gửi</Header><Signature>chữ ký " + "x".repeat(3000) + "</Signature>"
                + "<Attachment>" + base64 + "</Attachment></edXML>").getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[100 * 1024];
        new Random(12).nextBytes(binary);
        try (AuditFixture audit = new AuditFixture(ds)) {
            audit.writer.record(event(AuditStep.RECEIVED, "doc-att").payload(received).build());
            audit.writer.record(event(AuditStep.SIGNED, "doc-att").payload(signed).build());
            audit.writer.record(event(AuditStep.DELIVERED, "doc-bin").payload(binary).build());

            assertThat(audit.store.payloadCount()).isEqualTo(3);
            assertThat(audit.store.segmentCount()).isEqualTo(1);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            Long segmentBytes = jdbc.queryForObject("SELECT SUM(size_bytes) FROM audit_segment", Long.class);
            assertThat(segmentBytes).isEqualTo(base64.length());
            Long skeletons = jdbc.queryForObject("SELECT SUM(LENGTH(content)) FROM audit_payload WHERE compression"
                    + " = 'SEGMENTS'", Long.class);
            assertThat(skeletons).isLessThan(2_000L);
            assertThat(jdbc.queryForObject("SELECT compression FROM audit_payload WHERE sha256 = ?", String.class,
                    vn.gov.bus.audit.verifier.Digests.sha256Hex(binary))).isEqualTo("NONE");
            assertThat(audit.store.payload(vn.gov.bus.audit.verifier.Digests.sha256Hex(received))).hasValue(received);
            assertThat(audit.store.payload(vn.gov.bus.audit.verifier.Digests.sha256Hex(signed))).hasValue(signed);
            assertThat(audit.store.payload(vn.gov.bus.audit.verifier.Digests.sha256Hex(binary))).hasValue(binary);

            // retention: the received package goes, the attachment stays for the signed one
            jdbc.update("UPDATE audit_payload SET last_used_at = ? WHERE sha256 = ?",
                    java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(40))),
                    vn.gov.bus.audit.verifier.Digests.sha256Hex(received));
            AuditRetention retention = new AuditRetention(audit.store, audit.writer, java.time.Duration.ofDays(30),
                    java.time.Clock.systemUTC());
            assertThat(retention.prune()).isEqualTo(1);
            assertThat(audit.store.segmentCount()).isEqualTo(1);
            assertThat(audit.store.payload(vn.gov.bus.audit.verifier.Digests.sha256Hex(signed))).hasValue(signed);
            assertThat(audit.store.payload(vn.gov.bus.audit.verifier.Digests.sha256Hex(received))).isEmpty();

            Bundle bundle = Bundle.read(new ByteArrayInputStream(audit.export(AuditQuery.byDocument("doc-att"))));
            ChainVerifier.Report offline = BundleVerifier.verify(bundle, List.of());
            assertThat(offline.ok()).as(offline.summary()).isTrue();
            assertThat(offline.payloads()).isEqualTo(1);
            assertThat(offline.pruned()).isEqualTo(1);

            // one changed byte in the stored attachment: the live verification recomputes the payload's digest
            byte[] segment = jdbc.queryForObject("SELECT content FROM audit_segment", byte[].class);
            segment[segment.length / 2] ^= 1;
            jdbc.update("UPDATE audit_segment SET content = ?", (Object) segment);
            ChainVerifier.Report tampered = audit.verification.verify();
            assertThat(tampered.ok()).isFalse();
            assertThat(tampered.brokenAt()).as(tampered.summary()).isEqualTo(2);
            assertThat(tampered.reason()).contains("payload was changed");
            segment[segment.length / 2] ^= 1;
            jdbc.update("UPDATE audit_segment SET content = ?", (Object) segment);

            // and once no payload lists it, the attachment goes too
            AuditRetention all = new AuditRetention(audit.store, audit.writer, java.time.Duration.ZERO,
                    java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(1)));
            assertThat(all.prune()).isEqualTo(2);
            assertThat(audit.store.segmentCount()).isZero();
            ChainVerifier.Report live = audit.verification.verify();
            assertThat(live.ok()).as(live.summary()).isTrue();
            assertThat(live.pruned()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(AuditDatabases.class)
    void prunedPayloadsLeaveTheirDigestsAndTheChainStillVerifiesLiveAndInABundle(AuditDatabases db) throws Exception {
        try (AuditFixture audit = new AuditFixture(db.fresh())) {
            byte[] random = new byte[4096];
            new Random(7).nextBytes(random);
            audit.writer.record(event(AuditStep.RECEIVED, "doc-old").payload(random).build());
            audit.writer.record(event(AuditStep.DELIVERED, "doc-old").payload("khác".getBytes(StandardCharsets.UTF_8))
                    .build());
            AuditRetention retention = new AuditRetention(audit.store, audit.writer, java.time.Duration.ZERO,
                    java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(1)));
            assertThat(retention.prune()).isEqualTo(2);
            assertThat(audit.store.payloadCount()).isZero();
            assertThat(audit.store.find(1).orElseThrow().payloadSha256()).isNotNull();

            ChainVerifier.Report live = audit.verification.verify();
            assertThat(live.ok()).as(live.summary()).isTrue();
            assertThat(live.pruned()).isEqualTo(2);
            Bundle bundle = Bundle.read(new ByteArrayInputStream(audit.export(AuditQuery.byDocument("doc-old"))));
            ChainVerifier.Report offline = BundleVerifier.verify(bundle, List.of());
            assertThat(offline.ok()).as(offline.summary()).isTrue();
            assertThat(offline.pruned()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(AuditDatabases.class)
    void searchFiltersByDocumentMessageAgencyRouteStepOutcomeAndTimeAndPages(AuditDatabases db) {
        try (AuditFixture audit = new AuditFixture(db.fresh())) {
            Instant before = Instant.now().minusSeconds(1);
            for (int i = 0; i < 7; i++) {
                audit.writer.record(event(AuditStep.QUEUED, "doc-a").build());
            }
            audit.writer.record(event(AuditStep.FAILED, "doc-b").outcome(AuditOutcome.ERROR).routeId("deliver-axis")
                    .recipientId("000.00.00.G22").build());
            AuditStore s = audit.store;
            assertThat(s.search(AuditQuery.byDocument("doc-a"), 0, 5).records()).hasSize(5);
            AuditStore.Page second = s.search(AuditQuery.byDocument("doc-a"), 1, 5);
            assertThat(second.records()).extracting(AuditRecord::seq).containsExactly(6L, 7L);
            assertThat(second.total()).isEqualTo(7);
            assertThat(s.search(AuditQuery.byMessage("m-doc-b"), 0, 10).records()).hasSize(1);
            assertThat(s.search(new AuditQuery(null, null, null, "000.00.00.G22", null, null, null, null, null), 0, 10)
                    .records()).extracting(AuditRecord::documentId).containsExactly("doc-b");
            assertThat(s.search(new AuditQuery(null, null, null, OFFICE, "deliver-axis", AuditStep.FAILED,
                    AuditOutcome.ERROR, before, Instant.now().plusSeconds(5)), 0, 10).records()).hasSize(1);
            assertThat(s.search(new AuditQuery(null, null, null, null, null, null, null, null, before), 0, 10).records())
                    .isEmpty();
        }
    }
}
