package vn.gov.bus.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;

/**
 * The embedded default is one node: it leads at once through the in-process lock, starts the
 * single-active routes its settings enable (the axis poller) and leaves those its settings disable
 * (the file feeds, off without simulators here) stopped; the health report says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=100",
        "bus.feeds.enabled=false",
        "management.endpoint.health.show-details=always"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmbeddedLeadershipTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @Autowired
    SingleActiveRoutes leadership;

    @Autowired
    CamelContext camel;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theOnlyNodeLeadsAtOnceAndStartsTheEnabledPollersOnly() {
        await().atMost(Duration.ofSeconds(10)).until(leadership::isLeader);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                camel.getRouteController().getRouteStatus("axis-incoming-poll") == ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("axis-directory-sync")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("feeds-bank-statements")).isEqualTo(ServiceStatus.Stopped);
        assertThat(camel.getRouteController().getRouteStatus("feeds-report-publish")).isEqualTo(ServiceStatus.Stopped);
        assertThat(leadership.managedRoutes()).contains("axis-incoming-poll", "mail-incoming-poll")
                .doesNotContain("feeds-bank-statements", "feeds-report-publish");
    }

    @Test
    void theHealthReportNamesTheLeader() {
        await().atMost(Duration.ofSeconds(10)).until(leadership::isLeader);
        ResponseEntity<String> health = TestUsers.ADMIN.on(rest).getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"leadership\"").contains("\"leader\":true")
                .contains("in-process (one node)");
    }

    @Test
    void aLostLeadershipStopsThePollersAndARegainedOneStartsThemAgain() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                camel.getRouteController().getRouteStatus("axis-incoming-poll") == ServiceStatus.Started);
        leadership.onRevoked(null);
        assertThat(leadership.isLeader()).isFalse();
        assertThat(camel.getRouteController().getRouteStatus("axis-incoming-poll")).isEqualTo(ServiceStatus.Stopped);
        leadership.onGranted(null);
        assertThat(camel.getRouteController().getRouteStatus("axis-incoming-poll")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRouteController().getRouteStatus("feeds-bank-statements")).isEqualTo(ServiceStatus.Stopped);
    }

    @Test
    void aPollerStoppedThroughTheApiStaysStoppedOnANewLeaderAndANodeThatDoesNotLeadRefusesToStartIt() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                camel.getRouteController().getRouteStatus("axis-incoming-poll") == ServiceStatus.Started);
        assertThat(routeAction("stop").getStatusCode().value()).isEqualTo(200);
        leadership.onRevoked(null);
        leadership.onGranted(null);
        assertThat(camel.getRouteController().getRouteStatus("axis-incoming-poll")).isEqualTo(ServiceStatus.Stopped);
        assertThat(camel.getRouteController().getRouteStatus("axis-directory-sync")).isEqualTo(ServiceStatus.Started);

        leadership.onRevoked(null);
        ResponseEntity<String> refused = routeAction("start");
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("leader-only");
        assertThat(camel.getRouteController().getRouteStatus("axis-incoming-poll")).isEqualTo(ServiceStatus.Stopped);

        leadership.onGranted(null);
        assertThat(routeAction("start").getStatusCode().value()).isEqualTo(200);
        assertThat(camel.getRouteController().getRouteStatus("axis-incoming-poll")).isEqualTo(ServiceStatus.Started);
    }

    private ResponseEntity<String> routeAction(String action) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Bus-Operator", TestUsers.ADMIN.username);
        return TestUsers.ADMIN.on(rest).exchange("/api/admin/routes/axis-incoming-poll/" + action, HttpMethod.POST,
                new HttpEntity<>(headers), String.class);
    }
}
