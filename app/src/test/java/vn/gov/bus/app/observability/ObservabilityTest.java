package vn.gov.bus.app.observability;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.app.certificates.CertificateInventory;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.pki.DevCertificateAuthority;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DeliveryState;

/**
 * Metrics, health groups, certificates and structured logs of a running bus with its simulators:
 * Prometheus series after a real flow, a health group that follows its simulator, two extra trust
 * anchors made with BouncyCastle expiring in 10 and 100 days, and the ids in the dispatch route's
 * log lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.feeds.enabled=false",
        "bus.axis.poll-enabled=false"})
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ObservabilityTest {

    static final String SOON = "Gốc thử nghiệm hết hạn sau 10 ngày";
    static final String LATER = "Gốc thử nghiệm hết hạn sau 100 ngày";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
        // an hour over the whole days, so "days left" reads 10 and 100 during the test
        Path soon = pem("soon.pem", root(SOON, Duration.ofDays(10).plusHours(1)));
        Path later = pem("later.pem", root(LATER, Duration.ofDays(100).plusHours(1)));
        registry.add("bus.pki.extra-trust-anchors", () -> soon + "," + later);
    }

    @LocalServerPort
    int port;
    @Autowired
    AxisSimulator axis;
    @Autowired
    DeliveryLedger ledger;
    @Autowired
    CertificateInventory inventory;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void prometheusShowsRouteCountersLatencyHistogramsQueueDepthsAndConnectorHealthAfterARealFlow() throws Exception {
        String documentId = sendToFinance("Số liệu cho Prometheus");
        awaitDelivered(documentId);

        String scrape = get("/actuator/prometheus", TestUsers.ADMIN).body();
        List<String> lines = scrape.lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("camel_exchanges_total{") && l.contains("routeId=\"outgoing-dispatch\""));
        assertThat(lines).anyMatch(l -> l.startsWith("camel_exchanges_failed_total{") && l.contains("routeId=\"deliver-local\""));
        assertThat(lines).anyMatch(l -> l.contains("_bucket{") && l.contains("routeId=\"outgoing-dispatch\"")
                && l.contains("le=\""));
        assertThat(lines).anyMatch(l -> l.startsWith("bus_queue_depth{") && l.contains("queue=\"bus.outgoing\""));
        assertThat(lines).anyMatch(l -> l.startsWith("bus_queue_depth{") && l.contains("queue=\"DLQ.bus.deliver.axis\""));
        assertThat(lines).anyMatch(l -> l.startsWith("bus_connector_health{") && l.contains("connector=\"axis\"")
                && l.endsWith(" 1.0"));
        assertThat(lines).anyMatch(l -> l.startsWith("bus_connector_health{") && l.contains("connector=\"certificates\"")
                && l.endsWith(" 0.5"));
    }

    @Test
    void certificatesListTheTenDayAnchorAsExpiringAndTheHundredDayAnchorAsOk(CapturedOutput output) throws Exception {
        HttpResponse<String> answer = get("/api/admin/certificates", TestUsers.AUDITOR);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.get("warningDays").asLong()).isEqualTo(30);
        List<JsonNode> certificates = StreamSupport.stream(report.get("certificates").spliterator(), false).toList();
        JsonNode soon = certificates.stream().filter(c -> c.get("subject").asText().contains(SOON)).findFirst().orElseThrow();
        JsonNode later = certificates.stream().filter(c -> c.get("subject").asText().contains(LATER)).findFirst().orElseThrow();
        assertThat(soon.get("role").asText()).isEqualTo("EXTRA_TRUST_ANCHOR");
        assertThat(soon.get("daysLeft").asLong()).isEqualTo(10);
        assertThat(soon.get("status").asText()).isEqualTo("EXPIRING");
        assertThat(soon.get("serial").asText()).matches("[0-9A-F]+");
        assertThat(later.get("daysLeft").asLong()).isEqualTo(100);
        assertThat(later.get("status").asText()).isEqualTo("OK");
        assertThat(certificates).anyMatch(c -> "SIGNING".equals(c.get("role").asText())
                && "OK".equals(c.get("status").asText()));
        assertThat(answer.body()).doesNotContain("PRIVATE");

        HttpResponse<String> health = get("/actuator/health/certificates", TestUsers.ADMIN);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("WARNING");

        String scrape = get("/actuator/prometheus", TestUsers.ADMIN).body();
        assertThat(scrape.lines()).anyMatch(l -> l.startsWith("bus_certificate_warning{") && l.contains(SOON)
                && l.endsWith(" 1.0"));
        assertThat(scrape.lines()).anyMatch(l -> l.startsWith("bus_certificate_warning{") && l.contains(LATER)
                && l.endsWith(" 0.0"));
        assertThat(scrape.lines()).anyMatch(l -> l.startsWith("bus_certificate_days_left{") && l.contains(SOON)
                && l.endsWith(" 10.0"));

        inventory.logWarnings();
        assertThat(output.getAll().lines()).anyMatch(l -> l.contains("WARN") && l.contains(SOON)
                && l.contains("is EXPIRING") && l.contains("10 days left"));
        assertThat(output.getAll().lines()).noneMatch(l -> l.contains("WARN") && l.contains(LATER));
    }

    @Test
    void axisHealthGroupTurnsDownWhileTheAxisSimulatorIsStoppedAndUpWhenItIsBack() throws Exception {
        assertThat(status("/actuator/health/axis")).isEqualTo("UP");
        assertThat(status("/actuator/health/readiness")).isEqualTo("UP");
        assertThat(status("/actuator/health/liveness")).isEqualTo("UP");
        assertThat(status("/actuator/health/mail")).isEqualTo("UP");
        assertThat(status("/actuator/health/registry")).isEqualTo("UP");
        assertThat(status("/actuator/health/database")).isEqualTo("UP");
        assertThat(status("/actuator/health/broker")).isEqualTo("UP");
        axis.stop();
        try {
            HttpResponse<String> down = get("/actuator/health/axis", TestUsers.OPERATOR);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(json.readTree(down.body()).get("status").asText()).isEqualTo("DOWN");
            // the node stays ready: the hub still accepts documents and queues them for the axis
            assertThat(status("/actuator/health/readiness")).isEqualTo("UP");
        } finally {
            axis.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(status("/actuator/health/axis")));
    }

    @Test
    void everyLineOfTheDispatchRouteCarriesTheMessageIdAndDocumentId(CapturedOutput output) throws Exception {
        String documentId = sendToFinance("Kiểm tra nhật ký có mã văn bản");
        awaitDelivered(documentId);
        String messageId = ledger.forDocument(OFFICE, documentId).get(0).messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().lines()
                .anyMatch(l -> l.contains("outgoing-dispatch") && l.contains("doc=" + documentId)));
        List<String> dispatch = output.getAll().lines()
                .filter(l -> l.contains("outgoing-dispatch") && l.contains("routed EDOC")).toList();
        assertThat(dispatch).isNotEmpty();
        List<String> ofThisDocument = dispatch.stream().filter(l -> l.contains("doc=" + documentId)).toList();
        assertThat(ofThisDocument).isNotEmpty().allMatch(l -> l.contains("msg="));
        // the pending-box line of the delivery route names the document in its message too; the
        // bracket proves the logging context was set on the JMS consumer thread
        assertThat(output.getAll().lines()).anyMatch(l -> l.contains("is in the pending box of " + FINANCE)
                && l.contains("[msg=") && l.contains("doc=" + documentId + "]"));
        // no line outside a message is given an id: the demo secret never appears
        assertThat(output.getAll()).doesNotContain("demo-secret-not-for-production");
        assertThat(messageId).isNotBlank();
    }

    private String sendToFinance(String subject) {
        LocalDocumentSystemSimulator office = new LocalDocumentSystemSimulator(
                URI.create("http://127.0.0.1:" + port + "/services/hub"), OFFICE, OFFICE_TOKEN);
        return office.send(SamplePackages.edoc().from(OFFICE, "Văn phòng").to(FINANCE, "Sở Tài chính")
                .subject(subject).build()).documentId();
    }

    private void awaitDelivered(String documentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDocument(OFFICE, documentId).stream()
                .anyMatch(d -> d.state() == DeliveryState.DELIVERED));
    }

    private String status(String path) {
        try {
            return json.readTree(get(path, TestUsers.OPERATOR).body()).get("status").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, TestUsers user) throws IOException, InterruptedException {
        return http.send(user.authorize(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static X509Certificate root(String commonName, Duration validFor) {
        Instant now = Instant.now();
        return DevCertificateAuthority.newRoot(commonName, 2048, now.minus(Duration.ofDays(1)), now.plus(validFor))
                .certificate();
    }

    private static Path pem(String name, X509Certificate certificate) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(name);
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
