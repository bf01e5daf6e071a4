package vn.gov.bus.app.admin;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.FINANCE_TOKEN;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.edxml.SamplePackages;

/**
 * The routes and dead-letter halves of the admin API on the real bus: embedded Artemis with its
 * journal, H2, the axis simulator over HTTP, the hub over SOAP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.broker.redelivery-delay=100ms",
        "bus.broker.max-redelivery-delay=400ms",
        "bus.broker.max-delivery-attempts=3",
        "bus.axis.in-flight-timeout=10s",
        // the incoming poller's requests would use up the axis faults these tests inject
        "bus.axis.poll-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RoutesAndDeadLettersApiTest {

    static final String AXIS_DLQ = "DLQ.bus.deliver.axis";
    static final String SECOND_AXIS_SECRET_REF = "test.second-axis.secret";
    static final String SECOND_AXIS_SECRET = "second-axis-secret-value";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
        // a second axis's secret, named by a credentials reference (as a deployment's secret would be)
        registry.add(SECOND_AXIS_SECRET_REF, () -> SECOND_AXIS_SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    AxisSimulator axis;
    @Autowired
    AuditStore auditStore;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    RouteSettingsStore settingsStore;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    vn.gov.bus.app.cluster.SingleActiveRoutes singleActive;

    AdminClient operator;
    AdminClient admin;

    @BeforeEach
    void clients() {
        operator = new AdminClient(port, TestUsers.OPERATOR);
        admin = new AdminClient(port, TestUsers.ADMIN);
    }

    LocalDocumentSystemSimulator system(String organId, String token) {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"),
                organId, token);
    }

    long depth(String queue) throws Exception {
        JsonNode queues = operator.get("/api/admin/queues").json();
        return StreamSupport.stream(queues.spliterator(), false).filter(q -> queue.equals(q.path("name").asText()))
                .findFirst().orElseThrow().path("messages").asLong();
    }

    List<AuditRecord> audit(AuditStep step, String documentId) {
        return auditStore.search(new AuditQuery(documentId, null, null, null, null, step, null, null, null), 0, 100)
                .records();
    }

    @Test
    void routeListShowsStateStatisticsAndWhichSettingsEachRouteHas() throws Exception {
        AdminClient.Answer list = new AdminClient(port, TestUsers.AUDITOR).get("/api/admin/routes");
        assertThat(list.status()).isEqualTo(200);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        list.json().forEach(r -> byId.put(r.path("id").asText(), r));
        assertThat(byId).containsKeys("hub-ingress", "outgoing-dispatch", "deliver-axis", "deliver-local",
                "axis-incoming-poll", "mail-incoming-poll");
        JsonNode deliverAxis = byId.get("deliver-axis");
        assertThat(deliverAxis.path("state").asText()).isEqualTo("Started");
        assertThat(deliverAxis.path("editableSettings")).extracting(JsonNode::asText)
                .containsExactly("retry", "endpointUrl", "credentialsRef");
        assertThat(deliverAxis.path("settings").path("retry").path("queue").asText()).isEqualTo("bus.deliver.axis");
        assertThat(deliverAxis.path("settings").path("retry").path("maxRedeliveries").asInt()).isEqualTo(2);
        assertThat(byId.get("axis-incoming-poll").path("state").asText()).isEqualTo("Stopped");
        assertThat(byId.get("axis-incoming-poll").path("editableSettings")).extracting(JsonNode::asText)
                .containsExactly("pollInterval");
        assertThat(byId.get("outgoing-dispatch").path("settings").path("enabledChannels"))
                .extracting(JsonNode::asText).containsExactly("AXIS", "LOCAL", "MAIL");

        String documentId = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc().from(OFFICE, "Văn phòng")
                .to(FINANCE, "Sở Tài chính").subject("Thống kê tuyến").build()).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> !audit(AuditStep.DELIVERED, documentId).isEmpty());
        JsonNode dispatch = operator.get("/api/admin/routes/outgoing-dispatch").json();
        assertThat(dispatch.path("exchanges").path("total").asLong()).isPositive();
        assertThat(dispatch.path("throughputPerMinute").asDouble()).isPositive();
        assertThat(dispatch.path("meanProcessingMillis").isNumber()).isTrue();
        assertThat(dispatch.path("maxProcessingMillis").asLong())
                .isGreaterThanOrEqualTo(dispatch.path("meanProcessingMillis").asLong());

        assertThat(operator.get("/api/admin/routes/no-such-route").status()).isEqualTo(404);
    }

    @Test
    void aStoppedDeliveryRouteLeavesDocumentsOnItsQueueAndStartingItDeliversThem() throws Exception {
        AdminClient.Answer stopped = operator.post("/api/admin/routes/deliver-local/stop", null);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().path("state").asText()).isEqualTo("Stopped");
        assertThat(stopped.json().path("stoppedByOperator").asBoolean()).isTrue();
        assertThat(camel.getRouteController().getRouteStatus("deliver-local").isStopped()).isTrue();

        String documentId = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc().from(OFFICE, "Văn phòng")
                .to(FINANCE, "Sở Tài chính").subject("Dừng và chạy lại tuyến").build()).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> depth("bus.deliver.local") == 1);
        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        assertThat(finance.pendingIds()).noneMatch(i -> documentId.equals(i.documentId()));

        AdminClient.Answer started = operator.post("/api/admin/routes/deliver-local/start", null);
        assertThat(started.json().path("state").asText()).isEqualTo("Started");
        assertThat(started.json().path("stoppedByOperator").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> finance.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId())));
        assertThat(depth("bus.deliver.local")).isZero();

        List<AuditRecord> actions = auditStore.search(new AuditQuery(null, null, null, null, "deliver-local",
                AuditStep.ADMIN_ACTION, null, null, null), 0, 10).records();
        assertThat(actions).extracting(AuditRecord::actor).contains("operator");
        assertThat(actions).extracting(AuditRecord::detail)
                .anyMatch(d -> d.contains("stop") && d.contains("Started -> Stopped"))
                .anyMatch(d -> d.contains("start") && d.contains("Stopped -> Started"));
    }

    @Test
    void aSuspendedRouteIsResumedThroughTheApi() throws Exception {
        assertThat(operator.post("/api/admin/routes/deliver-mail/suspend", null).json().path("state").asText())
                .isEqualTo("Suspended");
        assertThat(camel.getRouteController().getRouteStatus("deliver-mail").isSuspended()).isTrue();
        assertThat(operator.post("/api/admin/routes/deliver-mail/resume", null).json().path("state").asText())
                .isEqualTo("Started");
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndTheRule() throws Exception {
        assertRefused("axis-incoming-poll", "{\"pollInterval\": \"soon\"}", "pollInterval", "duration");
        assertRefused("axis-incoming-poll", "{\"pollInterval\": \"50ms\"}", "pollInterval", "range");
        assertRefused("axis-incoming-poll", "{\"retry\": {\"maxRedeliveries\": 3}}", "retry", "not-applicable");
        assertRefused("deliver-axis", "{\"pollInterval\": \"30s\"}", "pollInterval", "not-applicable");
        assertRefused("deliver-axis", "{\"retry\": {\"maxRedeliveries\": -1}}", "retry.maxRedeliveries", "range");
        assertRefused("deliver-axis", "{\"retry\": {\"backOffMultiplier\": 0.5}}", "retry.backOffMultiplier", "range");
        assertRefused("deliver-axis", "{\"retry\": {\"redeliveryDelay\": \"10m\", \"maxRedeliveryDelay\": \"1m\"}}",
                "retry.maxRedeliveryDelay", "not-below-redeliveryDelay");
        assertRefused("outgoing-dispatch", "{\"enabledChannels\": [\"AXIS\", \"FAX\"]}", "enabledChannels",
                "one-of LOCAL, AXIS, MAIL");
        assertRefused("deliver-axis", "{\"retry\": ", "body", "json");
        AdminClient.Answer unknown = admin.put("/api/admin/routes/no-such-route/settings", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        // nothing was changed by the refused calls
        assertThat(admin.get("/api/admin/routes/deliver-axis").json().path("settings").path("retry")
                .path("maxRedeliveries").asInt()).isEqualTo(2);
    }

    void assertRefused(String route, String body, String field, String rule) throws Exception {
        admin.assertSettingsRefused(route, body, field, rule);
    }

    @Test
    void aDeadLetterFromARefusedDeliveryIsBrowsedRetriedAndDeliveredOnceAnotherIsDiscardedWithItsReason()
            throws Exception {
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        axis.failNext(2, 400);
        String retried = office.send(SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP")
                .subject("Thư chết gửi lại — Văn phòng Chính phủ").build()).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> !audit(AuditStep.DEAD_LETTERED, retried).isEmpty());
        String discarded = office.send(SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP")
                .subject("Thư chết bị hủy").build()).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> !audit(AuditStep.DEAD_LETTERED, discarded).isEmpty());
        assertThat(depth(AXIS_DLQ)).isEqualTo(2);

        AdminClient.Answer page = operator.get("/api/admin/queues/" + AXIS_DLQ + "/messages?page=0&size=10");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("total").asLong()).isEqualTo(2);
        JsonNode first = find(page.json().path("messages"), retried);
        assertThat(first.path("originalQueue").asText()).isEqualTo("bus.deliver.axis");
        assertThat(first.path("failureReason").asText()).isNotBlank();
        assertThat(first.path("headers").path("BusSenderId").asText()).isEqualTo(OFFICE);
        assertThat(first.path("payloadPreview").asText()).contains("edXML");
        assertThat(first.path("payloadSize").asLong()).isGreaterThan(first.path("payloadPreview").asText().length());
        assertThat(first.path("payloadTruncated").asBoolean()).isTrue();
        String retriedId = first.path("id").asText();
        assertThat(operator.get("/api/admin/queues/" + AXIS_DLQ + "/messages/" + AdminClient.enc(retriedId)).json()
                .path("headers").path("BusDocumentId").asText()).isEqualTo(retried);
        assertThat(operator.get("/api/admin/queues/" + AXIS_DLQ + "/messages?size=1&page=1").json()
                .path("messages")).hasSize(1);

        AdminClient.Answer retry = operator.post("/api/admin/queues/" + AXIS_DLQ + "/messages/"
                + AdminClient.enc(retriedId) + "/retry", null);
        assertThat(retry.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(retried) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> depth("bus.deliver.axis") == 0);
        assertThat(axis.countByDocumentId(retried)).isEqualTo(1);
        assertThat(audit(AuditStep.RETRIED, retried)).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("operator");
            assertThat(r.detail()).contains(AXIS_DLQ).contains("bus.deliver.axis");
        });
        assertThat(operator.post("/api/admin/queues/" + AXIS_DLQ + "/messages/" + AdminClient.enc(retriedId)
                + "/retry", null).status()).isEqualTo(404);

        String discardedId = find(operator.get("/api/admin/queues/" + AXIS_DLQ + "/messages").json()
                .path("messages"), discarded).path("id").asText();
        String path = "/api/admin/queues/" + AXIS_DLQ + "/messages/" + AdminClient.enc(discardedId) + "/discard";
        AdminClient.Answer noReason = operator.post(path, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("field").asText()).isEqualTo("reason");
        assertThat(noReason.json().path("rule").asText()).isEqualTo("required");
        AdminClient.Answer discard = operator.post(path, Map.of("reason", "gửi nhầm, đơn vị đã nhận bản giấy"));
        assertThat(discard.status()).isEqualTo(200);
        assertThat(depth(AXIS_DLQ)).isZero();
        assertThat(audit(AuditStep.DISCARDED, discarded)).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("operator");
            assertThat(r.detail()).contains("gửi nhầm, đơn vị đã nhận bản giấy");
            assertThat(r.payloadSha256()).hasSize(64);
        });
        assertThat(axis.countByDocumentId(discarded)).isZero();
    }

    @Test
    void retryAllMovesEveryDeadLetterBackAndADocumentDeadLetteredTwiceIsStillDeliveredOnce() throws Exception {
        LocalDocumentSystemSimulator office = system(OFFICE, OFFICE_TOKEN);
        byte[] pkg = SamplePackages.edoc().from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "VPCP")
                .subject("Gửi hai lần, bị từ chối hai lần").build();
        axis.failNext(2, 400);
        String documentId = office.send(pkg).documentId();
        office.send(pkg);
        await().atMost(Duration.ofSeconds(30)).until(() -> audit(AuditStep.DEAD_LETTERED, documentId).size() == 2);
        assertThat(depth(AXIS_DLQ)).isEqualTo(2);

        AdminClient.Answer all = operator.post("/api/admin/queues/" + AXIS_DLQ + "/retry-all", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("retried").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> depth("bus.deliver.axis") == 0 && depth(AXIS_DLQ) == 0
                && audit(AuditStep.DELIVERED, documentId).size() == 2);
        assertThat(axis.countByDocumentId(documentId)).isEqualTo(1);
        assertThat(audit(AuditStep.RETRIED, documentId)).hasSize(2);
        assertThat(audit(AuditStep.DELIVERED, documentId)).extracting(r -> r.outcome().name())
                .containsExactlyInAnyOrder("OK", "WARNING");
    }

    @Test
    void liveQueuesAreNotBrowsedHereAndUnknownQueuesAreNotFound() throws Exception {
        AdminClient.Answer live = operator.get("/api/admin/queues/bus.deliver.axis/messages");
        assertThat(live.status()).isEqualTo(400);
        assertThat(live.json().path("rule").asText()).isEqualTo("dead-letter-queue");
        assertThat(operator.get("/api/admin/queues/DLQ.nothing/messages").status()).isEqualTo(404);
        assertThat(operator.get("/api/admin/queues/" + AXIS_DLQ + "/messages?size=1000").json().path("field")
                .asText()).isEqualTo("size");
        assertThat(operator.get("/api/admin/queues/" + AXIS_DLQ + "/messages/not-an-id").json().path("rule")
                .asText()).isEqualTo("jms-message-id");
        JsonNode queues = operator.get("/api/admin/queues").json();
        assertThat(queues).hasSize(10);
        JsonNode axisQueue = StreamSupport.stream(queues.spliterator(), false)
                .filter(q -> "bus.deliver.axis".equals(q.path("name").asText())).findFirst().orElseThrow();
        assertThat(axisQueue.path("consumers").asInt()).isPositive();
        assertThat(axisQueue.path("deadLetterQueue").asText()).isEqualTo(AXIS_DLQ);
    }

    @Test
    void disablingAChannelHoldsItsDocumentsOnTheDurableQueueUntilItIsEnabledAgain() throws Exception {
        AdminClient.Answer off = admin.put("/api/admin/routes/outgoing-dispatch/settings",
                Map.of("enabledChannels", List.of("AXIS", "MAIL")));
        assertThat(off.status()).as(String.valueOf(off.json())).isEqualTo(200);
        assertThat(off.json().path("settings").path("enabledChannels")).extracting(JsonNode::asText)
                .containsExactly("AXIS", "MAIL");
        assertThat(camel.getRouteController().getRouteStatus("deliver-local").isStopped()).isTrue();
        AdminClient.Answer refused = operator.post("/api/admin/routes/deliver-local/start", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("channel-enabled");

        String documentId = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc().from(OFFICE, "Văn phòng")
                .to(FINANCE, "Sở Tài chính").subject("Kênh nội bộ tạm tắt").build()).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> depth("bus.deliver.local") == 1);
        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        assertThat(finance.pendingIds()).noneMatch(i -> documentId.equals(i.documentId()));

        AdminClient.Answer on = admin.put("/api/admin/routes/outgoing-dispatch/settings",
                Map.of("enabledChannels", List.of("AXIS", "LOCAL", "MAIL")));
        assertThat(on.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> finance.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId())));
        assertThat(camel.getRouteController().getRouteStatus("deliver-local").isStarted()).isTrue();
        assertThat(auditStore.search(new AuditQuery(null, null, null, null, "outgoing-dispatch",
                AuditStep.ADMIN_ACTION, null, null, null), 0, 10).records()).extracting(AuditRecord::detail)
                .anyMatch(d -> d.contains("before") && d.contains("enabledChannels=[AXIS, MAIL]"));
    }

    static JsonNode find(JsonNode messages, String documentId) {
        return StreamSupport.stream(messages.spliterator(), false)
                .filter(m -> documentId.equals(m.path("headers").path("BusDocumentId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter of " + documentId + " in " + messages));
    }

    @Test
    void theAxisEndpointAndCredentialsReferenceAreRetunedLiveAndTheSecretItselfIsNeverShownOrAudited()
            throws Exception {
        assertRefused("deliver-axis", "{\"endpointUrl\": \"ftp://truc.example.vn\"}", "endpointUrl", "http-url");
        assertRefused("deliver-axis", "{\"endpointUrl\": \"http://bus:pw@127.0.0.1:1\"}", "endpointUrl",
                "no-credentials");
        assertRefused("deliver-axis", "{\"credentialsRef\": \"no.such.secret\"}", "credentialsRef", "resolves");
        assertRefused("deliver-axis", "{\"credentialsRef\": \"" + SECOND_AXIS_SECRET + " with spaces\"}",
                "credentialsRef", "name");
        assertRefused("deliver-local", "{\"endpointUrl\": \"https://truc.example.vn\"}", "endpointUrl",
                "not-applicable");
        URI first = axis.endpoint();
        try (AxisSimulator second = new AxisSimulator(AxisSimulatorConfig.builder().host("127.0.0.1")
                .port(TestPorts.free()).system("00.53.W00", SECOND_AXIS_SECRET).build())) {
            second.start();
            AdminClient.Answer retuned = admin.put("/api/admin/routes/deliver-axis/settings",
                    "{\"endpointUrl\": \"" + second.endpoint() + "\", \"credentialsRef\": \"" + SECOND_AXIS_SECRET_REF
                            + "\"}");
            assertThat(retuned.status()).as(retuned.json().toString()).isEqualTo(200);
            assertThat(retuned.json().path("settings").path("endpointUrl").asText())
                    .isEqualTo(second.endpoint().toString());
            assertThat(retuned.json().path("settings").path("credentialsRef").asText()).isEqualTo(SECOND_AXIS_SECRET_REF);
            assertThat(retuned.json().toString()).doesNotContain(SECOND_AXIS_SECRET);

            String documentId = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc().from(OFFICE, "Văn phòng")
                    .to(GOVERNMENT_OFFICE, "VPCP").subject("Gửi qua trục mới").build()).documentId();
            // the second axis checks the request's HMAC with its own secret: delivered means both were applied
            await().atMost(Duration.ofSeconds(30)).until(() -> second.countByDocumentId(documentId) == 1);
            // the second axis closes at the end of this block: the bus must have had its answer by then,
            // or the delivery is redelivered (and holds its message group) while the other tests run
            await().atMost(Duration.ofSeconds(30)).until(() -> !audit(AuditStep.DELIVERED, documentId).isEmpty());
            assertThat(axis.countByDocumentId(documentId)).isZero();
            List<AuditRecord> changes = auditStore.search(new AuditQuery(null, null, null, null, "deliver-axis",
                    AuditStep.ADMIN_ACTION, null, null, null), 0, 100).records();
            assertThat(changes).anySatisfy(r -> assertThat(r.detail()).contains(SECOND_AXIS_SECRET_REF));
            assertThat(changes).allSatisfy(r -> assertThat(r.detail()).doesNotContain(SECOND_AXIS_SECRET));
        } finally {
            // empty values clear both settings: the configured endpoint and secret are in force again
            AdminClient.Answer back = admin.put("/api/admin/routes/deliver-axis/settings",
                    "{\"endpointUrl\": \"\", \"credentialsRef\": \"\"}");
            assertThat(back.status()).as(back.json().toString()).isEqualTo(200);
            assertThat(back.json().path("settings").path("endpointUrl").asText()).isEqualTo(first.toString());
            assertThat(back.json().path("settings").path("credentialsRef").isNull()).isTrue();
        }
        String afterwards = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc().from(OFFICE, "Văn phòng")
                .to(GOVERNMENT_OFFICE, "VPCP").subject("Gửi lại qua trục đã cấu hình").build()).documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(afterwards) == 1);
    }

    @Test
    void aChangeIsAnnouncedToTheOtherNodesAndOneAnnouncedByAnotherNodeIsAppliedFromTheDatabase() throws Exception {
        // what this node announces: route id and kind, with its own node id
        try (Connection connection = AdminConfiguration.uncached(connectionFactory).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer announcements = session.createConsumer(session.createTopic("bus.admin.changes"));
            connection.start();
            assertThat(admin.put("/api/admin/routes/outgoing-dispatch/settings",
                    "{\"retry\": {\"maxRedeliveries\": 2}}").status()).isEqualTo(200);
            Message announced = announcements.receive(10_000);
            assertThat(announced).isNotNull();
            assertThat(announced.getBody(String.class)).isEqualTo("outgoing-dispatch");
            assertThat(announced.getStringProperty(AdminChanges.KIND_HEADER)).isEqualTo("SETTINGS");
            assertThat(announced.getStringProperty(AdminChanges.NODE_HEADER)).isNotBlank();
        }

        // another node stored a stop and announced it: this node stops its consumer too, then starts it again
        settingsStore.save(settingsStore.find("deliver-local").orElse(RouteSettings.none("deliver-local"))
                .withStopped(true), "admin");
        announceFrom("node-elsewhere", "deliver-local", AdminChanges.Kind.STOP);
        await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRouteController().getRouteStatus("deliver-local")
                .isStopped());
        settingsStore.save(settingsStore.find("deliver-local").orElseThrow().withStopped(false), "admin");
        announceFrom("node-elsewhere", "deliver-local", AdminChanges.Kind.START);
        await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRouteController().getRouteStatus("deliver-local")
                .isStarted());

        // this node's own announcement is not applied a second time; announcements are handled in order, so
        // once the next one (another node's new poll interval) is in force, the first was seen and ignored
        settingsStore.save(settingsStore.find("deliver-local").orElseThrow().withStopped(true), "admin");
        announceFrom(singleActive.nodeId(), "deliver-local", AdminChanges.Kind.STOP);
        settingsStore.save(settingsStore.find("axis-incoming-poll").orElse(RouteSettings.none("axis-incoming-poll"))
                .withPollInterval(Duration.ofSeconds(7)), "admin");
        announceFrom("node-elsewhere", "axis-incoming-poll", AdminChanges.Kind.SETTINGS);
        await().atMost(Duration.ofSeconds(20)).until(() -> "PT7S".equals(operator
                .get("/api/admin/routes/axis-incoming-poll").json().path("settings").path("pollInterval").asText()));
        assertThat(camel.getRouteController().getRouteStatus("deliver-local").isStarted()).isTrue();
        settingsStore.save(settingsStore.find("deliver-local").orElseThrow().withStopped(false), "admin");
    }

    void announceFrom(String node, String routeId, AdminChanges.Kind kind) {
        producer.sendBodyAndHeaders("jms:topic:bus.admin.changes", routeId,
                Map.of(AdminChanges.NODE_HEADER, node, AdminChanges.KIND_HEADER, kind.name()));
    }
}
