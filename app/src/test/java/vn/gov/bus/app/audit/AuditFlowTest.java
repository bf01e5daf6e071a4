package vn.gov.bus.app.audit;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.audit.verifier.AuditVerifierMain;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.qlvb.HubCallException;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;

/**
 * The audit log on the whole bus through its real endpoints: the SOAP hub, the axis simulator over
 * HTTP, embedded Artemis and H2; the auditors' REST API; the offline verifier on an exported bundle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.broker.redelivery-delay=100ms",
        "bus.broker.max-redelivery-delay=400ms",
        "bus.broker.max-delivery-attempts=4",
        "bus.axis.request-timeout=5s",
        "bus.axis.poll-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditFlowTest {


    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @LocalServerPort
    int port;
    @Autowired
    AxisSimulator axis;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    LocalDocumentSystemSimulator office() {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"), OFFICE,
                OFFICE_TOKEN);
    }

    @Test
    void aDocumentsWholePathIsInAChainThatVerifiesLiveAndOfflineFromTheExportedBundle() throws Exception {
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng UBND tỉnh Tây Ninh")
                .to(FINANCE, "Sở Tài chính").to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .subject("Kiểm toán nhật ký").build();
        String documentId = office().send(pkg).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(documentId).stream()
                .filter("DELIVERED OK"::equals).count() == 2);
        List<String> steps = steps(documentId);
        assertThat(steps).contains("ACCEPTED OK", "SIGNED OK", "ROUTED OK", "QUEUED OK", "DELIVERED OK");
        JsonNode records = get("/api/audit/records?documentId=" + enc(documentId) + "&size=100").path("records");
        // RECEIVED is recorded before the package is read, so it is found by its payload, the same bytes as ACCEPTED
        String received = first(records, "ACCEPTED").path("payloadSha256").asText();
        JsonNode byPayload = get("/api/audit/records?step=RECEIVED&agency=" + OFFICE + "&size=500").path("records");
        assertThat(byPayload.findValuesAsText("payloadSha256")).contains(received);
        HttpResponse<byte[]> payload = http.send(as(TestUsers.AUDITOR, uri(first(records, "SIGNED").path("payload")
                .asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(payload.statusCode()).isEqualTo(200);
        assertThat(axis.received().stream().filter(r -> documentId.equals(r.documentId())).findFirst().orElseThrow()
                .content()).isEqualTo(payload.body());

        JsonNode live = get("/api/audit/verify");
        assertThat(live.path("ok").asBoolean()).as(live.toString()).isTrue();
        assertThat(live.path("checkpoints").asInt()).isPositive();

        HttpResponse<byte[]> bundle = http.send(as(TestUsers.AUDITOR, uri("/api/audit/export?documentId="
                + enc(documentId))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bundle.statusCode()).isEqualTo(200);
        Path zip = dataDir.resolve("bundle.zip");
        Files.write(zip, bundle.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifierMain.run(new String[] {zip.toString(), "--anchor=" + dataDir.resolve("pki/root-ca.pem")},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK records=");
        assertThat(exit).isZero();
    }

    @Test
    void aRefusedPackageIsRecordedAsRejectedWithTheReasonTheSenderWasGiven() throws Exception {
        byte[] pkg = SamplePackages.edoc().from(FINANCE, "Sở Tài chính").to(GOVERNMENT_OFFICE, "VPCP").build();
        assertThatThrownBy(() -> office().send(pkg)).isInstanceOf(HubCallException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/audit/records?step=REJECTED&agency=" + OFFICE)
                .path("total").asInt() >= 1);
        JsonNode rejected = get("/api/audit/records?step=REJECTED&agency=" + OFFICE).path("records").get(0);
        assertThat(rejected.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(rejected.path("detail").asText()).contains("From");
        assertThat(rejected.path("payloadSha256").asText()).hasSize(64);
    }

    @Test
    void replayDeliversOnceRefusesADuplicateWithoutForceDeliversWithForceAndAllThreeAreLogged() throws Exception {
        axis.failNext(1, 400);
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP")
                .subject("Gửi lại văn bản").build();
        String documentId = office().send(pkg).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(documentId).contains("DEAD_LETTERED ERROR"));
        long deadLettered = first(get("/api/audit/records?documentId=" + enc(documentId) + "&step=DEAD_LETTERED")
                .path("records"), "DEAD_LETTERED").path("seq").asLong();
        assertThat(axis.countByDocumentId(documentId)).isZero();

        JsonNode dry = replay(deadLettered, false, true);
        assertThat(dry.path("sent").asBoolean()).isFalse();
        assertThat(dry.path("queue").asText()).isEqualTo("bus.deliver.axis");
        assertThat(axis.countByDocumentId(documentId)).isZero();

        JsonNode once = replay(deadLettered, false, false);
        // the DELIVERED record follows the axis's answer: wait for the record, then count at the axis
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(once).contains("DELIVERED OK"));
        assertThat(outcomes(once)).containsExactlyInAnyOrder("QUEUED OK", "REPLAYED OK", "DELIVERED OK");
        assertThat(axis.countByDocumentId(documentId)).isEqualTo(1);

        JsonNode duplicate = replay(deadLettered, false, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(duplicate).contains("DELIVERED REFUSED"));
        assertThat(axis.countByDocumentId(documentId)).isEqualTo(1);

        JsonNode forced = replay(deadLettered, true, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(forced).contains("DELIVERED OK"));
        assertThat(axis.countByDocumentId(documentId)).isEqualTo(2);
        assertThat(get("/api/audit/records?documentId=" + enc(documentId) + "&step=REPLAYED").path("total").asInt())
                .isEqualTo(4);
    }

    @Test
    void eachBrokerRedeliveryOfAFailedDeliveryIsRecordedOnceAsRetriedBetweenTheFailureAndTheNextOutcome()
            throws Exception {
        axis.failNext(2, 503);
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP")
                .subject("Trục tạm thời không nhận").build();
        String documentId = office().send(pkg).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(documentId).contains("DELIVERED OK"));
        JsonNode records = get("/api/audit/records?documentId=" + enc(documentId) + "&route=deliver-axis&size=100")
                .path("records");
        List<String> attempts = new ArrayList<>();
        records.forEach(r -> {
            String step = r.path("step").asText();
            if (step.equals("FAILED") || step.equals("RETRIED") || step.equals("DELIVERED")) {
                String detail = r.path("detail").asText();
                attempts.add(step + (detail.startsWith("attempt ") ? " " + detail.substring(0, detail.indexOf(' ', 8))
                        : ""));
            }
        });
        assertThat(attempts).containsExactly("FAILED attempt 1", "RETRIED attempt 2", "FAILED attempt 2",
                "RETRIED attempt 3", "DELIVERED");
        assertThat(first(records, "RETRIED").path("outcome").asText()).isEqualTo("WARNING");
        assertThat(first(records, "RETRIED").path("recipientId").asText()).isEqualTo(GOVERNMENT_OFFICE);
        assertThat(axis.countByDocumentId(documentId)).isEqualTo(1);
    }

    @Test
    void searchWithAnUnknownStepIsRefusedWithTheAllowedValues() throws Exception {
        HttpResponse<String> r = http.send(as(TestUsers.AUDITOR, uri("/api/audit/records?step=SENT")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(error.path("field").asText()).isEqualTo("step");
        assertThat(error.path("rule").asText()).isEqualTo("one-of");
        assertThat(error.path("message").asText()).contains("DELIVERED");
        assertThat(error.path("messageVi").asText()).isNotBlank();
    }

    JsonNode replay(long seq, boolean force, boolean dryRun) throws Exception {
        HttpResponse<String> r = http.send(as(TestUsers.OPERATOR, uri("/api/audit/replay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seq\":" + seq + ",\"force\":" + force + ",\"dryRun\":"
                        + dryRun + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    List<String> outcomes(JsonNode replay) throws Exception {
        return stepsOf(get("/api/audit/records?correlationId=" + enc(replay.path("correlationId").asText()))
                .path("records"));
    }

    List<String> steps(String documentId) throws Exception {
        return stepsOf(get("/api/audit/records?documentId=" + enc(documentId) + "&size=100").path("records"));
    }

    static List<String> stepsOf(JsonNode records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.path("step").asText() + " " + r.path("outcome").asText()));
        return out;
    }

    static JsonNode first(JsonNode records, String step) {
        for (JsonNode r : records) {
            if (step.equals(r.path("step").asText())) {
                return r;
            }
        }
        throw new AssertionError("no " + step + " record in " + records);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(as(TestUsers.AUDITOR, uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** People's API calls go through Spring Security: auditors search, operators replay (docs/security.md). */
    static HttpRequest.Builder as(TestUsers user, URI uri) {
        return user.authorize(HttpRequest.newBuilder(uri));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
