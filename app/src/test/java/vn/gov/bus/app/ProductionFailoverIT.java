package vn.gov.bus.app;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.FINANCE_TOKEN;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bus.audit.verifier.ChainVerifier;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.connectors.axis.simulator.InboxEntry;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.connectors.qlvb.ReceivedDocument;
import vn.gov.bus.core.audit.AuditCheckpoints;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.audit.AuditVerification;
import vn.gov.bus.core.audit.CheckpointSigner;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.pki.DevCertificateAuthority;
import vn.gov.bus.core.pki.DevPki;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.signing.PackageSigner;
import vn.gov.bus.core.xml.SecureXml;

/**
 * Production mode with every part a process of its own: a standalone Artemis broker (the real
 * distribution), a real PostgreSQL and two bus nodes (the packaged jar, profile production) sharing
 * them. Documents flow both ways through both nodes: outgoing ones sent to either node's hub reach
 * the axis, incoming ones the axis holds are polled by the leader only and fetched by the local
 * system. The leader is killed with SIGKILL mid-stream: the other node takes the pollers over
 * within the configured bound (lock TTL + 2 heartbeats, measured, not slept). Before that, the
 * broker is killed with SIGKILL and restarted on its journal: both nodes reconnect. In the end
 * every document has arrived exactly once, and the audit records both nodes wrote form one chain
 * that verifies.
 */
class ProductionFailoverIT {

    static final String SYSTEM_ID = "00.53.W00";
    static final String SECRET = "failover-test-secret";
    static final Duration LOCK_TTL = Duration.ofSeconds(6);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** the bound the configuration promises (ClusterProperties.takeoverBound) */
    static final String ADMIN = "failover-admin";
    static final String ADMIN_PASSWORD = "failover-admin-password";
    static final Duration TAKEOVER_BOUND = LOCK_TTL.plus(HEARTBEAT.multipliedBy(2));

    static final DevCertificateAuthority PARTNER_CA = DevCertificateAuthority.newRoot("Partner Root CA (failover test)");
    static final KeyMaterial PARTNER_SIGNER = PARTNER_CA.issueSigner("Văn phòng Chính phủ (failover test signer)");

    final EdxmlReader reader = new EdxmlReader(new SecureXml());
    /** the organisation's key and anchors, one set for both nodes (as a deployment gives every node the same files) */
    DevPki.Result pki;
    /** Under target/ so that the nodes' and the broker's logs survive a failure. */
    Path runDir;

    /** outgoing DocumentId → package, in sending order */
    final Map<String, byte[]> outgoing = new LinkedHashMap<>();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** incoming DocumentId → how often the local system fetched it */
    final Map<String, AtomicInteger> fetched = new ConcurrentHashMap<>();
    /** incoming DocumentIds offered, and the axis's ids of their packages */
    final Set<String> incomingDocumentIds = ConcurrentHashMap.newKeySet();
    final Set<String> incomingDocIds = ConcurrentHashMap.newKeySet();

    /** node processes to stop whatever happens, so that a failed run leaves no JVM behind */
    final List<BusProcess> started = new ArrayList<>();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (BusProcess node : started) {
            node.close();
        }
    }

    @BeforeEach
    void runDirectory() throws IOException {
        runDir = Files.createDirectories(Path.of("target", "failover-it", "run-" + System.currentTimeMillis()))
                .toAbsolutePath();
    }

    @Test
    void theFollowerTakesOverThePollersWithinTheBoundAndEveryDocumentArrivesOnceThroughALeaderAndABrokerKill()
            throws Exception {
        int axisPort = TestPorts.free();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             AxisSimulator axis = new AxisSimulator(AxisSimulatorConfig.builder()
                     .host("127.0.0.1").port(axisPort).system(SYSTEM_ID, SECRET).build());
             ArtemisBrokerProcess broker = ArtemisBrokerProcess.create(runDir, TestPorts.free(), List.of(
                     // the bus's back-off, shortened so that a redelivery after a kill comes soon
                     "addressSettings.\"bus.#\".redeliveryDelay=200",
                     "addressSettings.\"bus.#\".maxRedeliveryDelay=2000",
                     "addressSettings.\"bus.#\".maxDeliveryAttempts=100")).start()) {
            axis.start();
            pki = DevPki.loadOrCreate(runDir.resolve("pki"), "Ủy ban nhân dân tỉnh Tây Ninh", "000.00.00.H53");
            List<String> common = nodeProperties(postgres, broker, axisPort);
            int portA = TestPorts.free();
            int portB = TestPorts.free();

            // both nodes start side by side on the empty database: one of them leads, never both
            BusProcess first = BusProcess.launch(runDir.resolve("node-1"), portA,
                    with(common, "--bus.cluster.node-id=node-1"), runDir.resolve("node-1.log"));
            started.add(first);
            BusProcess second = BusProcess.launch(runDir.resolve("node-2"), portB,
                    with(common, "--bus.cluster.node-id=node-2"), runDir.resolve("node-2.log"));
            started.add(second);
            first.awaitHealthy();
            second.awaitHealthy();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> leads(first) || leads(second));
            assertThat(leads(first) && leads(second)).as("two leaders").isFalse();
            // A: the leader, B: the follower
            BusProcess nodeA = leads(first) ? first : second;
            BusProcess nodeB = nodeA == first ? second : first;
            LocalDocumentSystemSimulator financeAtB =
                    new LocalDocumentSystemSimulator(nodeB.hubUrl(), FINANCE, FINANCE_TOKEN);

            // 1. both nodes carry traffic, the leader (A) polls the axis; the broker dies mid-stream
            //    and comes back on its journal: both nodes reconnect, the senders retry what was refused
            offerIncoming(axis, 20);
            Thread viaA = sender("via-a", nodeA, batch("a1", 20), true);
            Thread viaB = sender("via-b", nodeB, batch("b1", 20), true);
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                receive(financeAtB);
                return fetched.size() >= 3 && acknowledged.size() >= 10;
            });
            broker.kill();
            broker.start();
            viaA.join();
            viaB.join();
            awaitEverythingArrived(axis, financeAtB);
            assertThat(leads(nodeA)).isTrue();
            assertThat(leads(nodeB)).isFalse();

            // 1b. an administrator's change through one node is in force on the other at once, not at its
            //     next start: settings through the follower, a stop and a start through the leader
            assertThat(admin(nodeB, "PUT", "/api/admin/routes/axis-incoming-poll/settings",
                    "{\"pollInterval\": \"450ms\"}").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "PT0.45S".equals(
                    route(nodeA, "axis-incoming-poll").path("settings").path("pollInterval").asText()));
            assertThat(admin(nodeA, "POST", "/api/admin/routes/deliver-local/stop", null).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> "Stopped".equals(route(nodeB, "deliver-local").path("state").asText()));
            assertThat(admin(nodeA, "POST", "/api/admin/routes/deliver-local/start", null).statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> "Started".equals(route(nodeB, "deliver-local").path("state").asText()));

            // 2. the leader (A) dies mid-stream with SIGKILL: B takes the pollers over within the bound
            offerIncoming(axis, 20);
            int fetchedBefore = fetched.size();
            int acknowledgedBefore = acknowledged.size();
            viaA = sender("via-a", nodeA, batch("a2", 40), false);
            viaB = sender("via-b", nodeB, batch("b2", 20), false);
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                receive(financeAtB);
                return fetched.size() >= fetchedBefore + 3 && acknowledged.size() >= acknowledgedBefore + 10;
            });
            assertThat(leads(nodeB)).isFalse();
            long killedAt = System.nanoTime();
            nodeA.kill();
            await().atMost(TAKEOVER_BOUND.plusSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> leads(nodeB));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.printf("failover: the follower leads %d ms after the leader was killed (bound %d ms)%n",
                    takeover.toMillis(), TAKEOVER_BOUND.toMillis());
            // the health probe's own interval and a route start on a loaded machine come on top of the bound
            assertThat(takeover).isLessThanOrEqualTo(TAKEOVER_BOUND.plusSeconds(3));
            viaA.join();
            viaB.join();
            // offered after the kill: only the new leader can poll these
            offerIncoming(axis, 20);
            // what A did not acknowledge, its senders send again, to the node that is up
            sender("retry-via-b", nodeB, unacknowledged(), true).join();
            awaitEverythingArrived(axis, financeAtB);

            // B stops gracefully: nothing is in flight when the counts are taken
            nodeB.close();
            for (String documentId : outgoing.keySet()) {
                assertThat(axis.countByDocumentId(documentId)).as("outgoing " + documentId).isEqualTo(1);
            }
            assertThat(fetched.keySet()).containsExactlyInAnyOrderElementsOf(incomingDocumentIds);
            assertThat(fetched.values()).allMatch(n -> n.get() == 1);
            List<InboxEntry> inbox = axis.inbox(SYSTEM_ID).stream()
                    .filter(e -> incomingDocIds.contains(e.docId())).toList();
            assertThat(inbox).hasSize(incomingDocIds.size()).allMatch(e -> "done".equals(e.status()));

            // both nodes wrote one audit chain in the shared database; it verifies end to end
            AuditStore audit = new AuditStore(postgres.getPostgresDatabase());
            ChainVerifier.Report report = new AuditVerification(audit,
                    new AuditCheckpoints(audit, new CheckpointSigner(pki.key()), null, Clock.systemUTC()),
                    pki.anchors().certificates()).verify();
            assertThat(report.ok()).as(report.summary()).isTrue();
            assertThat(report.records()).isGreaterThan(outgoing.size() + incomingDocIds.size());
            assertThat(report.checkpoints()).isPositive();
        }
    }

    private List<String> nodeProperties(EmbeddedPostgres postgres, ArtemisBrokerProcess broker, int axisPort)
            throws IOException {
        String pkiPassword = Files.readString(pki.passwordFile()).trim();
        Path partnerRoot = writePem(runDir.resolve("partner-root.pem"));
        return List.of(
                "--spring.profiles.active=production",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--bus.broker.url=" + broker.url()
                        + "?reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5&maxRetryInterval=2000",
                "--spring.artemis.user=" + ArtemisBrokerProcess.USER,
                "--spring.artemis.password=" + ArtemisBrokerProcess.PASSWORD,
                "--bus.axis.endpoint=http://127.0.0.1:" + axisPort,
                "--bus.axis.secret=" + SECRET,
                "--bus.axis.poll-interval=300ms",
                "--bus.axis.request-timeout=3s",
                "--bus.axis.in-flight-timeout=5s",
                "--bus.mail.message-id-secret=failover-test-message-ids",
                "--bus.mail.incoming.enabled=false",
                "--bus.directory.sync-enabled=false",
                "--bus.pki.keystore=" + pki.keystore(),
                "--bus.pki.keystore-password=" + pkiPassword,
                "--bus.pki.truststore=" + pki.truststore(),
                "--bus.pki.truststore-password=" + pkiPassword,
                "--bus.pki.extra-trust-anchors=" + partnerRoot,
                "--bus.cluster.lock-ttl=" + LOCK_TTL.toMillis() + "ms",
                "--bus.cluster.heartbeat=" + HEARTBEAT.toMillis() + "ms",
                "--bus.broker.redelivery-delay=200ms",
                "--bus.broker.max-redelivery-delay=2s",
                "--bus.broker.max-delivery-attempts=100",
                "--management.endpoint.health.show-details=always",
                "--bus.security.users[0].username=" + ADMIN,
                "--bus.security.users[0].password-hash="
                        + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD),
                "--bus.security.users[0].roles=ADMIN");
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    private static java.net.http.HttpResponse<String> admin(BusProcess node, String method, String path, String json)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(node.baseUrl().resolve(path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(10)).build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static com.fasterxml.jackson.databind.JsonNode route(BusProcess node, String id)
            throws IOException, InterruptedException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                admin(node, "GET", "/api/admin/routes/" + id, null).body());
    }

    private static boolean leads(BusProcess node) throws IOException, InterruptedException {
        return node.health().replace(" ", "").contains("\"leader\":true");
    }

    private Map<String, byte[]> batch(String name, int count) {
        Map<String, byte[]> batch = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            String documentId = OFFICE + ",2026/12/01," + name + "-" + i + "/UBND-VP";
            batch.put(documentId, SamplePackages.edoc()
                    .from(OFFICE, "Văn phòng UBND tỉnh Tây Ninh")
                    .to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                    .documentId(documentId)
                    .code(name + "-" + i, "UBND-VP")
                    .subject("Văn bản thử nghiệm chuyển đổi dự phòng " + name + "-" + i)
                    .build());
        }
        outgoing.putAll(batch);
        return batch;
    }

    private Map<String, byte[]> unacknowledged() {
        Map<String, byte[]> left = new LinkedHashMap<>();
        outgoing.forEach((id, pkg) -> {
            if (!acknowledged.contains(id)) {
                left.put(id, pkg);
            }
        });
        return left;
    }

    /**
     * A local document system sending to one node. Without retries it gives up on a document the
     * node did not acknowledge (the node died); with retries it sends it again until acknowledged,
     * as a real document system does while the bus is unavailable.
     */
    private Thread sender(String name, BusProcess node, Map<String, byte[]> documents, boolean retry) {
        LocalDocumentSystemSimulator office = new LocalDocumentSystemSimulator(node.hubUrl(), OFFICE, OFFICE_TOKEN);
        Thread thread = new Thread(() -> {
            for (Map.Entry<String, byte[]> doc : documents.entrySet()) {
                if (retry) {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                            .until(() -> {
                                office.send(doc.getValue());
                                return true;
                            });
                    acknowledged.add(doc.getKey());
                } else {
                    try {
                        office.send(doc.getValue());
                        acknowledged.add(doc.getKey());
                    } catch (RuntimeException nodeDown) {
                        // not acknowledged: sent again later to a node that is up
                    }
                }
            }
        }, name);
        thread.start();
        return thread;
    }

    private void offerIncoming(AxisSimulator axis, int count) {
        for (int i = 0; i < count; i++) {
            String documentId = UUID.randomUUID().toString();
            incomingDocumentIds.add(documentId);
            byte[] pkg = SamplePackages.edoc().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                    .to(FINANCE, "Sở Tài chính tỉnh Tây Ninh")
                    .documentId(documentId)
                    .subject("Về việc kiểm thử chuyển đổi dự phòng của trục liên thông").build();
            EdocPackage parsed = reader.read(pkg);
            new PackageSigner(PARTNER_SIGNER).sign(parsed.dom());
            incomingDocIds.add(axis.enqueueIncoming(SYSTEM_ID, parsed.toBytes(), "edoc"));
        }
    }

    private void receive(LocalDocumentSystemSimulator finance) {
        for (ReceivedDocument doc : finance.runOnce().received()) {
            fetched.computeIfAbsent(doc.item().documentId(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void awaitEverythingArrived(AxisSimulator axis, LocalDocumentSystemSimulator finance) {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            receive(finance);
            long done = axis.inbox(SYSTEM_ID).stream()
                    .filter(e -> incomingDocIds.contains(e.docId()) && "done".equals(e.status())).count();
            return done == incomingDocIds.size() && fetched.keySet().containsAll(incomingDocumentIds)
                    && outgoing.keySet().stream().allMatch(id -> axis.countByDocumentId(id) >= 1);
        });
    }

    private static Path writePem(Path file) throws IOException {
        try {
            return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(PARTNER_CA.root().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
