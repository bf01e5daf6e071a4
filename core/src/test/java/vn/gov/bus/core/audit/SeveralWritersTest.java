package vn.gov.bus.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.audit.verifier.Bundle;
import vn.gov.bus.audit.verifier.BundleVerifier;
import vn.gov.bus.audit.verifier.ChainVerifier;

/**
 * Two bus nodes (two stores, writers and checkpointers, each on its own data source) appending at
 * the same time to one database make one chain: every record once, in one sequence, verified live by
 * either node and offline from a bundle.
 */
class SeveralWritersTest {

    private static final int PER_CALLER = 60;

    @ParameterizedTest
    @EnumSource(AuditDatabases.class)
    void twoNodesAppendingConcurrentlyMakeOneChainWithNoRecordLostOrDoubled(AuditDatabases db) throws Exception {
        DataSource first = db.fresh();
        byte[] shared = "<edXML>một văn bản gửi từ hai nút</edXML>".getBytes(StandardCharsets.UTF_8);
        try (AuditFixture nodeA = new AuditFixture(first);
             AuditFixture nodeB = new AuditFixture(db.anotherNodeOf(first))) {
            List<AuditFixture> nodes = List.of(nodeA, nodeB, nodeA, nodeB);
            ExecutorService callers = Executors.newFixedThreadPool(nodes.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < nodes.size(); c++) {
                AuditFixture node = nodes.get(c);
                int caller = c;
                running.add(callers.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_CALLER; i++) {
                        // every tenth record carries the payload both nodes store: one row, however it races
                        byte[] payload = i % 10 == 0 ? shared
                                : ("gói " + caller + "/" + i).getBytes(StandardCharsets.UTF_8);
                        AuditEvent event = AuditLogTest.event(AuditStep.QUEUED, "doc-" + caller + "-" + i)
                                .payload(payload).build();
                        if (i % 2 == 0) {
                            node.writer.record(event);
                        } else {
                            node.writer.handOver(event);
                        }
                        if (i % 15 == 14) {
                            node.checkpoints.checkpoint();
                        }
                    }
                    node.writer.record(AuditLogTest.event(AuditStep.ACKNOWLEDGED, "end-" + caller).build());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
            callers.shutdown();

            int expected = nodes.size() * (PER_CALLER + 1);
            assertThat(nodeA.store.head().seq()).isEqualTo(expected);
            JdbcTemplate jdbc = new JdbcTemplate(first);
            List<String> documents = jdbc.queryForList("SELECT document_id FROM audit_record ORDER BY seq", String.class);
            Set<String> distinct = new HashSet<>(documents);
            assertThat(documents).hasSize(expected);
            assertThat(distinct).hasSize(expected);
            for (int c = 0; c < nodes.size(); c++) {
                assertThat(distinct).contains("doc-" + c + "-0", "doc-" + c + "-" + (PER_CALLER - 1), "end-" + c);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_payload WHERE sha256 = ?", Integer.class,
                    vn.gov.bus.audit.verifier.Digests.sha256Hex(shared))).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM audit_record", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_record", Long.class)).isEqualTo(expected);

            for (AuditFixture node : List.of(nodeA, nodeB)) {
                ChainVerifier.Report live = node.verification.verify();
                assertThat(live.ok()).as(live.summary()).isTrue();
                assertThat(live.records()).isEqualTo(expected);
            }
            Bundle bundle = Bundle.read(new ByteArrayInputStream(nodeB.export(AuditQuery.all())));
            ChainVerifier.Report offline = BundleVerifier.verify(bundle, nodeA.anchors);
            assertThat(offline.ok()).as(offline.summary()).isTrue();
            assertThat(offline.records()).isEqualTo(expected);
            assertThat(offline.checkpoints()).isGreaterThanOrEqualTo(2);
        }
    }
}
