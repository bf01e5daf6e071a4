package vn.gov.bus.app;

import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.pki.DevPki;

/**
 * A measurement, not part of {@code mvn verify} (its name matches no failsafe pattern): the
 * end-to-end rate of the outgoing flow in production mode — local systems' SendDocument to the
 * nodes' hubs, through the standalone Artemis broker and the shared PostgreSQL, signed, to the
 * axis simulator — with one node, then with two nodes sharing the senders. Run with
 * <pre>
 * mvn -B -pl app -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ProductionRateBench -Dbench.documents=400 -Dbench.senders=8
 * </pre>
 * and read the lines starting with "production bench:" (bench/README.md records them). The only
 * assertion is that every measured document reached the axis exactly once.
 */
class ProductionRateBench {

    static final String SYSTEM_ID = "00.53.W00";
    static final String SECRET = "bench-secret";

    final int documents = Integer.getInteger("bench.documents", 400);
    final int senders = Integer.getInteger("bench.senders", 8);
    final int warmUp = Integer.getInteger("bench.warm-up", 100);
    final AtomicInteger sequence = new AtomicInteger();

    @Test
    void outgoingRateWithOneNodeAndWithTwo() throws Exception {
        Path runDir = Files.createDirectories(Path.of("target", "production-bench", "run-" + System.currentTimeMillis()))
                .toAbsolutePath();
        int axisPort = TestPorts.free();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             AxisSimulator axis = new AxisSimulator(AxisSimulatorConfig.builder()
                     .host("127.0.0.1").port(axisPort).system(SYSTEM_ID, SECRET).build());
             ArtemisBrokerProcess broker = ArtemisBrokerProcess.create(runDir, TestPorts.free(), List.of()).start()) {
            axis.start();
            DevPki.Result pki = DevPki.loadOrCreate(runDir.resolve("pki"), "Ủy ban nhân dân tỉnh Tây Ninh",
                    "000.00.00.H53");
            String password = Files.readString(pki.passwordFile()).trim();
            List<String> common = List.of(
                    "--spring.profiles.active=production",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres",
                    "--bus.broker.url=" + broker.url() + "?reconnectAttempts=-1",
                    "--spring.artemis.user=" + ArtemisBrokerProcess.USER,
                    "--spring.artemis.password=" + ArtemisBrokerProcess.PASSWORD,
                    "--bus.axis.endpoint=http://127.0.0.1:" + axisPort,
                    "--bus.axis.secret=" + SECRET,
                    "--bus.mail.message-id-secret=bench-message-ids",
                    "--bus.mail.incoming.enabled=false",
                    "--bus.directory.sync-enabled=false",
                    "--bus.pki.keystore=" + pki.keystore(),
                    "--bus.pki.keystore-password=" + password,
                    "--bus.pki.truststore=" + pki.truststore(),
                    "--bus.pki.truststore-password=" + password,
                    "--logging.level.root=WARN");
            try (BusProcess nodeA = BusProcess.start(runDir.resolve("node-a"), TestPorts.free(),
                    with(common, "--bus.cluster.node-id=node-a"), runDir.resolve("node-a.log"))) {
                measure("1 node", axis, List.of(nodeA), warmUp);
                double one = measure("1 node", axis, List.of(nodeA), documents);
                try (BusProcess nodeB = BusProcess.start(runDir.resolve("node-b"), TestPorts.free(),
                        with(common, "--bus.cluster.node-id=node-b"), runDir.resolve("node-b.log"))) {
                    measure("2 nodes", axis, List.of(nodeA, nodeB), warmUp);
                    double two = measure("2 nodes", axis, List.of(nodeA, nodeB), documents);
                    System.out.printf("production bench: 2 nodes / 1 node = %.2f (on %d cores, load %s)%n",
                            two / one, Runtime.getRuntime().availableProcessors(),
                            Files.readString(Path.of("/proc/loadavg")).trim());
                }
            }
        }
    }

    /** Closed loop: each sender sends its share one after the other; the rate counts arrivals at the axis. */
    private double measure(String label, AxisSimulator axis, List<BusProcess> nodes, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        List<List<byte[]>> perSender = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            perSender.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            int n = sequence.incrementAndGet();
            String documentId = OFFICE + ",2026/12/01,bench-" + n + "/UBND-VP";
            ids.add(documentId);
            perSender.get(i % senders).add(SamplePackages.edoc()
                    .from(OFFICE, "Văn phòng UBND tỉnh Tây Ninh").to("000.00.00.G22", "Văn phòng Chính phủ")
                    .documentId(documentId).code("bench-" + n, "UBND-VP")
                    .subject("Văn bản đo hiệu năng " + n).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                BusProcess node = nodes.get(s % nodes.size());
                List<byte[]> mine = perSender.get(s);
                sent.add(pool.submit(() -> {
                    LocalDocumentSystemSimulator office =
                            new LocalDocumentSystemSimulator(node.hubUrl(), OFFICE, OFFICE_TOKEN);
                    mine.forEach(office::send);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().allMatch(id -> axis.countByDocumentId(id) >= 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = count / seconds;
        System.out.printf("production bench: %s, %d documents, %d senders: %.1f documents/s end to end (%.1f s)%n",
                label, count, senders, rate, seconds);
        assertThat(ids).allMatch(id -> axis.countByDocumentId(id) == 1);
        return rate;
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
