package vn.gov.bus.app.admin;

import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.remote.RemoteFileConfiguration;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.bus.app.BusApplication;
import vn.gov.bus.app.TestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.mail.MailServerSettings;
import vn.gov.bus.connectors.mail.SmtpMailSender;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.edxml.SamplePackages;

/**
 * The proof issue 8 asks for: a route retuned through the API (poll interval of the axis poller,
 * retry policy and secret of the axis delivery, the mail delivery's SMTP server and secret, server
 * and password of a file feed) and a route stopped through it keep their new settings when the bus
 * is restarted on the same data directory — in force in Camel, in the broker and in the connectors,
 * not only stored.
 */
class RetunedRouteSurvivesRestartTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROTATED_SECRET_REF = "test.axis.rotated-secret";
    static final String RETUNED_SMTP = "smtps://congvan%40tayninh.gov.vn@127.0.0.1:1";
    /** A feed moved to another server and directory (the feeds are disabled here: nothing connects). */
    static final String MOVED_FEED_URL = "sftp://doisoat@127.0.0.1:2222/ngan-hang/thanh-toan";

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start() {
        int axis = TestPorts.free();
        int smtp = TestPorts.free();
        int imap = TestPorts.free();
        // command-line arguments: they win over config/application.yaml (builder properties would not)
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("server.port", TestPorts.free()),
                Map.entry("bus.data-dir", dataDir.toString()),
                Map.entry("bus.simulators.enabled", true),
                Map.entry("bus.simulators.demo-traffic", false),
                Map.entry("bus.simulators.axis-directory-size", 1000),
                Map.entry("bus.simulators.axis-port", axis),
                Map.entry("bus.axis.endpoint", "http://127.0.0.1:" + axis),
                Map.entry("bus.simulators.registry.port", 0),
                Map.entry("bus.simulators.mail.smtp-port", smtp),
                Map.entry("bus.simulators.mail.imap-port", imap),
                Map.entry("bus.mail.smtp.port", smtp),
                Map.entry("bus.mail.imap.port", imap),
                Map.entry("bus.feeds.enabled", false),
                Map.entry("bus.directory.sync-enabled", false),
                // the configured defaults the API retunes: a 10 s poll, 10 attempts from 1 s doubling
                Map.entry("bus.axis.poll-interval", "10s"),
                Map.entry("bus.broker.max-delivery-attempts", 10),
                Map.entry("bus.broker.redelivery-delay", "1s"),
                // a secret the deployment provides under another name (a rotated credential)
                Map.entry(ROTATED_SECRET_REF, "demo-secret-not-for-production"));
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext bus = new SpringApplicationBuilder(BusApplication.class).run(args);
        assertThat(bus.getEnvironment().getProperty("bus.data-dir")).isEqualTo(dataDir.toString());
        return bus;
    }

    static AdminClient admin(ConfigurableApplicationContext bus) {
        int port = Integer.parseInt(bus.getEnvironment().getProperty("local.server.port"));
        return new AdminClient(port, TestUsers.ADMIN);
    }

    static long pollsSoFar(AdminClient admin) throws Exception {
        return admin.get("/api/admin/routes/axis-incoming-poll").json().path("exchanges").path("total").asLong();
    }

    static long deadLetters(AdminClient admin) throws Exception {
        JsonNode queues = admin.get("/api/admin/queues").json();
        return StreamSupport.stream(queues.spliterator(), false)
                .filter(q -> "DLQ.bus.deliver.axis".equals(q.path("name").asText())).findFirst().orElseThrow()
                .path("messages").asLong();
    }

    @Test
    void aPollIntervalRetryPolicyStopAndFeedServerSetThroughTheApiAreInForceAfterARestartOnTheSameData() throws Exception {
        try (ConfigurableApplicationContext bus = start()) {
            AdminClient admin = admin(bus);
            AdminClient.Answer poll = admin.put("/api/admin/routes/axis-incoming-poll/settings",
                    Map.of("pollInterval", "300ms"));
            assertThat(poll.status()).as(String.valueOf(poll.json())).isEqualTo(200);
            assertThat(poll.json().path("settings").path("pollInterval").asText()).isEqualTo("PT0.3S");
            AdminClient.Answer retry = admin.put("/api/admin/routes/deliver-axis/settings", Map.of("retry",
                    Map.of("maxRedeliveries", 1, "redeliveryDelay", "200ms", "backOffMultiplier", 1.5,
                            "maxRedeliveryDelay", "1s"), "credentialsRef", ROTATED_SECRET_REF));
            assertThat(retry.status()).as(String.valueOf(retry.json())).isEqualTo(200);
            // the mail server too (no traffic reaches it: deliver-mail is stopped next)
            AdminClient.Answer smtp = admin.put("/api/admin/routes/deliver-mail/settings", Map.of(
                    "endpointUrl", RETUNED_SMTP, "credentialsRef", ROTATED_SECRET_REF));
            assertThat(smtp.status()).as(String.valueOf(smtp.json())).isEqualTo(200);
            assertThat(admin.post("/api/admin/routes/deliver-mail/stop", null).status()).isEqualTo(200);
            // the feed's route is rebuilt for its new server; the poll interval set with it applies to the new one
            AdminClient.Answer feed = admin.put("/api/admin/routes/feeds-payments/settings", Map.of("endpointUrl",
                    MOVED_FEED_URL, "credentialsRef", ROTATED_SECRET_REF, "pollInterval", "5s"));
            assertThat(feed.status()).as(String.valueOf(feed.json())).isEqualTo(200);
            assertThat(feed.json().path("settings").path("endpointUrl").asText()).isEqualTo(MOVED_FEED_URL);
            assertThat(feed.json().path("settings").path("pollInterval").asText()).isEqualTo("PT5S");
            assertThat(feed.json().path("state").asText()).as("a disabled feed stays stopped").isEqualTo("Stopped");
            // live, before any restart: the poller runs every 300 ms (at 10 s it would poll once in 3 s)
            long before = pollsSoFar(admin);
            await().atMost(Duration.ofSeconds(3)).until(() -> pollsSoFar(admin) >= before + 4);
        }

        try (ConfigurableApplicationContext bus = start()) {
            AdminClient admin = admin(bus);
            CamelContext camel = bus.getBean(CamelContext.class);

            JsonNode poller = admin.get("/api/admin/routes/axis-incoming-poll").json();
            assertThat(poller.path("settings").path("pollInterval").asText()).isEqualTo("PT0.3S");
            assertThat(((TimerEndpoint) camel.getRoute("axis-incoming-poll").getEndpoint()).getPeriod())
                    .isEqualTo(300);
            await().atMost(Duration.ofSeconds(3)).until(() -> pollsSoFar(admin) >= 4);

            String inForce = bus.getBean(BrokerAdmin.class).addressSettings("bus.deliver.axis");
            JsonNode settings = JSON.readTree(inForce);
            assertThat(settings.path("maxDeliveryAttempts").asInt()).as(inForce).isEqualTo(2);
            assertThat(settings.path("redeliveryDelay").asLong()).as(inForce).isEqualTo(200);
            assertThat(settings.path("deadLetterAddress").asText()).as(inForce).isEqualTo("DLQ.bus.deliver.axis");
            // and the broker acts on it: two failed attempts 200 ms apart dead-letter the document
            // (the configured 10 attempts from 1 s doubling would take over eight minutes)
            AxisSimulator axis = bus.getBean(AxisSimulator.class);
            axis.failNext(10_000, 503);
            int port = Integer.parseInt(bus.getEnvironment().getProperty("local.server.port"));
            String documentId = new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port
                    + "/services/hub"), OFFICE, "demo-token-van-phong").send(SamplePackages.edoc()
                    .from(OFFICE, "Văn phòng").to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                    .subject("Sau khi khởi động lại").build()).documentId();
            await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters(admin) == 1);
            axis.failNext(0, 503);
            // the audit counts attempts with the broker: the second attempt is recorded as the last
            AuditStore audit = bus.getBean(AuditStore.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> !audit.search(new AuditQuery(documentId, null, null,
                    null, null, AuditStep.DEAD_LETTERED, null, null, null), 0, 10).records().isEmpty());
            assertThat(audit.search(new AuditQuery(documentId, null, null, null, null, AuditStep.DEAD_LETTERED, null,
                    null, null), 0, 10).records()).singleElement()
                    .satisfies(r -> assertThat(r.detail()).contains("attempt 2 of 2"));

            JsonNode mail = admin.get("/api/admin/routes/deliver-mail").json();
            assertThat(mail.path("state").asText()).isEqualTo("Stopped");
            assertThat(mail.path("stoppedByOperator").asBoolean()).isTrue();
            assertThat(camel.getRouteController().getRouteStatus("deliver-mail").isStopped()).isTrue();
            assertThat(admin.get("/api/admin/routes/deliver-axis").json().path("settings").path("retry")
                    .path("maxRedeliveries").asInt()).isEqualTo(1);
            // the credentials reference is stored, and the secret it names is resolved again at start
            assertThat(admin.get("/api/admin/routes/deliver-axis").json().path("settings").path("credentialsRef")
                    .asText()).isEqualTo(ROTATED_SECRET_REF);
            assertThat(bus.getBean(AxisClient.class).config().secret()).isEqualTo("demo-secret-not-for-production");
            assertThat(mail.path("settings").path("endpointUrl").asText()).isEqualTo(RETUNED_SMTP);
            assertThat(mail.path("settings").path("credentialsRef").asText()).isEqualTo(ROTATED_SECRET_REF);
            assertThat(bus.getBean(SmtpMailSender.class).settings()).isEqualTo(new MailServerSettings("127.0.0.1", 1,
                    MailServerSettings.Security.TLS, "congvan@tayninh.gov.vn", "demo-secret-not-for-production",
                    Duration.ofSeconds(10), Duration.ofSeconds(60), false));

            JsonNode payments = admin.get("/api/admin/routes/feeds-payments").json();
            assertThat(payments.path("settings").path("endpointUrl").asText()).isEqualTo(MOVED_FEED_URL);
            assertThat(payments.path("settings").path("pollInterval").asText()).isEqualTo("PT5S");
            assertThat(payments.path("state").asText()).isEqualTo("Stopped");
            assertThat(payments.toString()).doesNotContain("demo-secret-not-for-production");
            RemoteFileConfiguration inForceFeed = ((RemoteFileEndpoint<?>) camel.getRoute("feeds-payments")
                    .getEndpoint()).getConfiguration();
            assertThat(inForceFeed.getPort()).isEqualTo(2222);
            assertThat(inForceFeed.getUsername()).isEqualTo("doisoat");
            assertThat(inForceFeed.getDirectory()).isEqualTo("ngan-hang/thanh-toan");
            assertThat(inForceFeed.getPassword()).isEqualTo("demo-secret-not-for-production");
        }
    }
}
