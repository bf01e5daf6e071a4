package vn.gov.bus.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.bus.app.BusApplication;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.InboxEntry;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.connectors.qlvb.ReceiveRound;
import vn.gov.bus.connectors.qlvb.ReceivedDocument;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.pki.DevCertificateAuthority;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.signing.PackageSigner;

/**
 * The incoming flow as the national axis and a local document system see it: N signed packages
 * from the Government Office wait in the axis simulator's inbox (a real HTTP server) for this
 * bus's system id; the bus polls, downloads, verifies each signature against a partner root,
 * queues, acknowledges done and delivers to the local recipient's pending box, from which a local
 * document system (a real SOAP client) fetches and confirms each one — which in turn sends the
 * status 01 back to the axis. A package counts when the local system has fetched it.
 */
final class IncomingRate {

    static final String SYSTEM_ID = "00.53.W00";
    static final String FINANCE = "000.00.05.H53";
    static final String FINANCE_TOKEN = "demo-token-so-tai-chinh";

    record Result(int documents, int packageBytes, int acknowledgedDone, int fetched, long duplicates,
                  double acknowledgedPerSecond, double fetchedPerSecond, double p50Millis, double p99Millis,
                  double maxMillis) {
    }

    private final Path dataDir;
    private final Duration timeout;

    IncomingRate(Path dataDir, Duration timeout) {
        this.dataDir = dataDir;
        this.timeout = timeout;
    }

    Result run(int warmUp, int documents) throws Exception {
        Files.createDirectories(dataDir);
        DevCertificateAuthority partner = DevCertificateAuthority.newRoot("Partner Root CA (bench)");
        KeyMaterial signer = partner.issueSigner("Văn phòng Chính phủ (bench signer)");
        Path anchor = writePem(dataDir.resolve("partner-root.pem"), partner);
        String[] args = BenchBus.arguments(dataDir.resolve("bus"),
                "--bus.axis.poll-interval=100ms",
                "--bus.simulators.axis-directory-size=1000",
                "--bus.pki.extra-trust-anchors=" + anchor);
        try (ConfigurableApplicationContext bus = new SpringApplicationBuilder(BusApplication.class).run(args)) {
            AxisSimulator axis = bus.getBean(AxisSimulator.class);
            EdxmlReader reader = bus.getBean(EdxmlReader.class);
            URI hub = URI.create("http://127.0.0.1:" + bus.getEnvironment().getRequiredProperty("local.server.port")
                    + "/services/hub");
            try (LocalDocumentSystemSimulator finance = new LocalDocumentSystemSimulator(hub, FINANCE, FINANCE_TOKEN)) {
                Batch warm = new Batch(reader, signer, warmUp);
                warm.offerAndReceive(axis, finance);
                System.out.printf("  warm-up: %d packages received by the local system%n", warm.fetched.size());
                Batch measured = new Batch(reader, signer, documents);
                measured.offerAndReceive(axis, finance);
                return measured.result(axis);
            }
        }
    }

    /** Packages with their own DocumentIds, signed before the clock starts. */
    private final class Batch {
        final Map<String, String> documentIdByDocId = new HashMap<>();
        final List<byte[]> packages = new ArrayList<>();
        final List<String> documentIds = new ArrayList<>();
        final Map<String, Instant> fetched = new HashMap<>();
        long duplicates;
        Instant offeredAt;
        int packageBytes;

        Batch(EdxmlReader reader, KeyMaterial signer, int count) {
            byte[] pdf = new byte[14 * 1024];
            new java.util.Random(20).nextBytes(pdf);
            for (int i = 0; i < count; i++) {
                String documentId = UUID.randomUUID().toString();
                byte[] pkg = SamplePackages.edoc()
                        .from(BenchPackages.GOVERNMENT_OFFICE, BenchPackages.GOVERNMENT_OFFICE_NAME)
                        .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                        .documentId(documentId)
                        .subject("Về việc triển khai kế hoạch chuyển đổi số năm 2027")
                        .attachment("cong-van.pdf", "application/pdf", pdf)
                        .build();
                EdocPackage parsed = reader.read(pkg);
                new PackageSigner(signer).sign(parsed.dom());
                byte[] signed = parsed.toBytes();
                packageBytes = signed.length;
                packages.add(signed);
                documentIds.add(documentId);
            }
        }

        void offerAndReceive(AxisSimulator axis, LocalDocumentSystemSimulator finance) throws InterruptedException {
            offeredAt = Instant.now();
            for (int i = 0; i < packages.size(); i++) {
                documentIdByDocId.put(axis.enqueueIncoming(SYSTEM_ID, packages.get(i), "edoc"), documentIds.get(i));
            }
            packages.clear();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (fetched.size() < documentIds.size() && System.nanoTime() < deadline) {
                ReceiveRound round = finance.runOnce();
                Instant now = Instant.now();
                for (ReceivedDocument doc : round.received()) {
                    if (fetched.putIfAbsent(doc.item().documentId(), now) != null) {
                        duplicates++;
                    }
                }
                if (round.received().isEmpty()) {
                    Thread.sleep(20);
                }
            }
            if (fetched.size() < documentIds.size()) {
                System.out.printf("  gave up waiting after %d s: %d of %d packages reached the local system%n",
                        timeout.toSeconds(), fetched.size(), documentIds.size());
            }
        }

        Result result(AxisSimulator axis) {
            Instant lastAck = offeredAt;
            int done = 0;
            for (InboxEntry entry : axis.inbox(SYSTEM_ID)) {
                if (documentIdByDocId.containsKey(entry.docId()) && "done".equals(entry.status())) {
                    done++;
                    lastAck = entry.updatedAt().isAfter(lastAck) ? entry.updatedAt() : lastAck;
                }
            }
            Instant lastFetch = offeredAt;
            List<Double> latencies = new ArrayList<>();
            for (Instant at : fetched.values()) {
                latencies.add(Duration.between(offeredAt, at).toNanos() / 1e6);
                lastFetch = at.isAfter(lastFetch) ? at : lastFetch;
            }
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(documentIds.size(), packageBytes, done, fetched.size(), duplicates,
                    done / seconds(offeredAt, lastAck), fetched.size() / seconds(offeredAt, lastFetch),
                    EndToEndRate.percentile(sorted, 0.50), EndToEndRate.percentile(sorted, 0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1e-9, Duration.between(from, to).toNanos() / 1e9);
    }

    private static Path writePem(Path file, DevCertificateAuthority ca) throws IOException {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(ca.root().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return Files.writeString(file, pem);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

}
