package vn.gov.bus.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bus.core.audit.AuditCheckpoints;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditRetention;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.audit.AuditWriter;
import vn.gov.bus.core.audit.CheckpointSigner;
import vn.gov.bus.core.pki.DevPki;

/** Checkpoints on their interval and at shutdown, after the last queued record. */
class AuditLifecycleTest {

    @TempDir
    static Path pki;

    AuditStore store;
    AuditWriter writer;
    AuditCheckpoints checkpoints;

    @BeforeEach
    void store() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        store = new AuditStore(ds);
        writer = new AuditWriter(store, Clock.systemUTC(), Duration.ofSeconds(10), 100, 50);
        DevPki.Result dev = DevPki.loadOrCreate(pki, "Ủy ban nhân dân tỉnh Tây Ninh", "000.00.00.H53");
        checkpoints = new AuditCheckpoints(store, new CheckpointSigner(dev.key()), null, Clock.systemUTC());
    }

    AuditLifecycle lifecycle(Duration interval) {
        return new AuditLifecycle(writer, checkpoints, new AuditRetention(store, writer, Duration.ofDays(1),
                Clock.systemUTC()), interval, null);
    }

    @Test
    void stoppingWritesTheQueuedRecordsThenACheckpointOfTheLastOne() {
        AuditLifecycle lifecycle = lifecycle(Duration.ofHours(1));
        lifecycle.start();
        for (int i = 0; i < 20; i++) {
            writer.handOver(AuditEvent.of(AuditStep.QUEUED).documentId("doc-" + i).build());
        }
        lifecycle.stop();
        assertThat(store.head().seq()).isEqualTo(20);
        assertThat(store.lastCheckpoint()).hasValueSatisfying(c -> assertThat(c.seq()).isEqualTo(20));
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void aCheckpointIsWrittenAtTheIntervalWhenRecordsWereAdded() {
        AuditLifecycle lifecycle = lifecycle(Duration.ofMillis(100));
        lifecycle.start();
        try {
            writer.record(AuditEvent.of(AuditStep.RECEIVED).documentId("doc-x").build());
            await().atMost(Duration.ofSeconds(10)).until(() -> store.lastCheckpoint().isPresent());
            assertThat(store.lastCheckpoint().get().seq()).isEqualTo(1);
        } finally {
            lifecycle.stop();
        }
    }
}
