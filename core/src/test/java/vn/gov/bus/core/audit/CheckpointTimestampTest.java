package vn.gov.bus.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.bus.audit.verifier.Bundle;
import vn.gov.bus.audit.verifier.BundleVerifier;
import vn.gov.bus.audit.verifier.ChainVerifier;
import vn.gov.bus.audit.verifier.CheckpointVerifier;
import vn.gov.bus.core.pki.TestPki;

/** Checkpoints timestamped by an RFC 3161 authority over real HTTP. */
class CheckpointTimestampTest {

    @Test
    void aCheckpointIsSignedAndTimestampedByTheConfiguredTsaAndTheBundleVerifies() throws Exception {
        try (LocalTsa tsa = LocalTsa.start();
             AuditFixture audit = new AuditFixture(AuditDatabases.H2.fresh(), tsa.url(), tsa.certificate())) {
            audit.writer.record(AuditLogTest.event(AuditStep.RECEIVED, "doc-t")
                    .payload("<edXML/>".getBytes(StandardCharsets.UTF_8)).build());
            AuditStore.StoredCheckpoint checkpoint = audit.checkpoints.checkpoint().orElseThrow();
            assertThat(checkpoint.timestampToken()).isNotNull();
            assertThat(tsa.requests.get()).isEqualTo(1);

            CheckpointVerifier.Verified verified = new CheckpointVerifier(audit.anchors)
                    .verify(checkpoint.signature(), checkpoint.timestampToken());
            assertThat(verified.statement().seq()).isEqualTo(1);
            assertThat(verified.tsa()).contains("Test TSA");
            assertThat(verified.timestamp()).isNotNull();

            ChainVerifier.Report report = BundleVerifier.verify(
                    Bundle.read(new ByteArrayInputStream(audit.export(AuditQuery.all()))), List.of());
            assertThat(report.ok()).as(report.summary()).isTrue();
            assertThat(report.timestamped()).isEqualTo(1);
        }
    }

    @Test
    void aTimestampOfOtherBytesIsRefused() throws Exception {
        try (LocalTsa tsa = LocalTsa.start();
             AuditFixture audit = new AuditFixture(AuditDatabases.H2.fresh(), tsa.url(), tsa.certificate())) {
            audit.writer.record(AuditLogTest.event(AuditStep.RECEIVED, "doc-u").build());
            AuditStore.StoredCheckpoint checkpoint = audit.checkpoints.checkpoint().orElseThrow();
            byte[] otherToken = new TimestampClient(tsa.url(), java.time.Duration.ofSeconds(5))
                    .timestamp("something else".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> new CheckpointVerifier(audit.anchors).verify(checkpoint.signature(), otherToken))
                    .hasMessageContaining("imprint");
        }
    }

    @Test
    void aCheckpointSignedUnderAnUntrustedRootIsRefused() throws Exception {
        try (AuditFixture audit = new AuditFixture(AuditDatabases.H2.fresh())) {
            audit.writer.record(AuditLogTest.event(AuditStep.RECEIVED, "doc-v").build());
            byte[] cms = new CheckpointSigner(TestPki.get().untrustedSigner).sign(
                    new vn.gov.bus.audit.verifier.CheckpointStatement(1, audit.store.head().hash(),
                            "2026-12-01T00:00:00.000Z").toBytes());
            assertThatThrownBy(() -> new CheckpointVerifier(audit.anchors).verify(cms, null))
                    .hasMessageContaining("does not chain to a trust anchor");
        }
    }
}
