package vn.gov.bus.app;

import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;

/**
 * Crash safety of the packaged bus: a separate JVM is killed with SIGKILL while 200 documents
 * stream through it, restarted on the same data directory, and every document the bus
 * acknowledged reaches the axis exactly once. Documents whose send failed during the crash are
 * retried by the sender, as a real document system would, and also arrive exactly once.
 */
class CrashRecoveryIT {

    static final String TOKEN = "demo-token-van-phong";
    static final String SYSTEM_ID = "00.53.W00";
    static final String SECRET = "crash-test-secret";
    static final int DOCUMENTS = 200;
    static final int KILL_AFTER_ACKS = 70;

    /** Under target/ rather than a temporary folder, so the bus's log survives a failure for diagnosis. */
    Path dataDir;

    @BeforeEach
    void dataDirectory() throws IOException {
        dataDir = Files.createDirectories(Path.of("target", "crash-it", "run-" + System.currentTimeMillis()))
                .toAbsolutePath();
    }

    @Test
    void everyAcknowledgedDocumentReachesTheAxisExactlyOnceAfterASigkillMidStream() throws Exception {
        int axisPort = TestPorts.free();
        try (AxisSimulator axis = new AxisSimulator(AxisSimulatorConfig.builder()
                .host("127.0.0.1").port(axisPort).system(SYSTEM_ID, SECRET).build())) {
            axis.start();
            int busPort = TestPorts.free();
            List<String> properties = List.of(
                    "--bus.simulators.enabled=false",
                    "--bus.axis.endpoint=http://127.0.0.1:" + axisPort,
                    "--bus.axis.secret=" + SECRET,
                    "--bus.axis.request-timeout=3s",
                    "--bus.axis.in-flight-timeout=5s",
                    "--bus.broker.redelivery-delay=200ms",
                    "--bus.broker.max-redelivery-delay=2s",
                    "--bus.broker.max-delivery-attempts=100");
            Path log = dataDir.resolve("bus.log");

            Map<String, byte[]> packages = new LinkedHashMap<>();
            for (int i = 1; i <= DOCUMENTS; i++) {
                String documentId = OFFICE + ",2026/11/25," + i + "/UBND-VP";
                byte[] pkg = SamplePackages.edoc()
                        .from(OFFICE, "Văn phòng UBND tỉnh Tây Ninh")
                        .to("000.00.00.G22", "Văn phòng Chính phủ")
                        .documentId(documentId)
                        .code(String.valueOf(i), "UBND-VP")
                        .subject("Văn bản thử nghiệm số " + i)
                        .build();
                packages.put(documentId, pkg);
            }

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            CountDownLatch enoughAcks = new CountDownLatch(KILL_AFTER_ACKS);
            BusProcess bus = BusProcess.start(dataDir, busPort, properties, log);
            LocalDocumentSystemSimulator office = new LocalDocumentSystemSimulator(bus.hubUrl(), OFFICE, TOKEN);
            Thread sender = new Thread(() -> {
                for (Map.Entry<String, byte[]> doc : packages.entrySet()) {
                    try {
                        office.send(doc.getValue());
                        acknowledged.add(doc.getKey());
                        enoughAcks.countDown();
                    } catch (RuntimeException busDown) {
                        // not acknowledged: the sender keeps it and retries after the restart
                    }
                }
            }, "document-sender");
            sender.start();
            assertThat(enoughAcks.await(120, TimeUnit.SECONDS)).isTrue();
            bus.kill();
            sender.join();
            int acknowledgedBeforeCrash = acknowledged.size();
            assertThat(acknowledgedBeforeCrash).isLessThan(DOCUMENTS);

            try (BusProcess restarted = BusProcess.start(dataDir, busPort, properties, log)) {
                LocalDocumentSystemSimulator retrying =
                        new LocalDocumentSystemSimulator(restarted.hubUrl(), OFFICE, TOKEN);
                                for (Map.Entry<String, byte[]> doc : packages.entrySet()) {
                    if (!acknowledged.contains(doc.getKey())) {
                        retrying.send(doc.getValue());
                        acknowledged.add(doc.getKey());
                    }
                }
                assertThat(acknowledged).hasSize(DOCUMENTS);

                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                        .until(() -> packages.keySet().stream().allMatch(id -> axis.countByDocumentId(id) >= 1));
            }
            // the restarted bus has shut down gracefully: nothing is in flight any more
            for (String documentId : packages.keySet()) {
                assertThat(axis.countByDocumentId(documentId)).as(documentId).isEqualTo(1);
            }
            assertThat(axis.received()).hasSize(DOCUMENTS);
        }
    }
}
