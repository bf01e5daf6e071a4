package vn.gov.bus.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.app.feeds.RecordingAuditTrail;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisClientConfig;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;

/**
 * The admin API's SQL on a real PostgreSQL (production's database): every migration of the bus up
 * to V8 (route_setting), the route settings store, and the agency search and edits (LIKE with an
 * escape character, LIMIT/OFFSET, the token only as a boolean).
 */
class AdminStoresPostgresTest {

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        DataSource ds = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void routeSettingsAreStoredReadAndReplacedOnPostgres() {
        RouteSettingsStore store = new RouteSettingsStore(jdbc);
        store.save(new RouteSettings("deliver-axis", null, new RetryPolicy(1, Duration.ofMillis(200), 1.5,
                Duration.ofSeconds(1)), null, URI.create("https://truc.example.vn/api"), "bus.axis.secret-2027", false,
                null, null), "admin");
        store.save(new RouteSettings("outgoing-dispatch", null, null, EnumSet.of(Channel.AXIS, Channel.LOCAL), null,
                null, false, null, null), "admin");
        store.save(new RouteSettings("axis-incoming-poll", Duration.ofMillis(300), null, null, null, null, true,
                null, null),
                "operator");
        store.save(store.find("axis-incoming-poll").orElseThrow().withPollInterval(Duration.ofSeconds(30)), "admin");

        RouteSettings retry = store.find("deliver-axis").orElseThrow();
        assertThat(retry.retry()).isEqualTo(new RetryPolicy(1, Duration.ofMillis(200), 1.5, Duration.ofSeconds(1)));
        assertThat(retry.pollInterval()).isNull();
        assertThat(retry.endpointUrl()).isEqualTo(URI.create("https://truc.example.vn/api"));
        assertThat(retry.credentialsRef()).isEqualTo("bus.axis.secret-2027");
        assertThat(store.find("outgoing-dispatch").orElseThrow().enabledChannels())
                .containsExactlyInAnyOrder(Channel.AXIS, Channel.LOCAL);
        RouteSettings poll = store.find("axis-incoming-poll").orElseThrow();
        assertThat(poll.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(poll.stopped()).isTrue();
        assertThat(poll.updatedBy()).isEqualTo("admin");
        assertThat(store.all()).extracting(RouteSettings::routeId)
                .containsExactly("axis-incoming-poll", "deliver-axis", "outgoing-dispatch");
    }

    @Test
    void agenciesAreSearchedCreatedAndEditedOnPostgres() {
        AgencyDirectory directory = new AgencyDirectory(jdbc);
        directory.upsert(new Agency("000.00.05.H53", "Sở Tài chính tỉnh Tây Ninh", Channel.LOCAL, null,
                "REJECT_UNSIGNED", "000.00.00.H53", "SEED"), "5e88489");
        directory.upsert(new Agency("000.00.00.G22", "Văn phòng Chính phủ", Channel.AXIS, null,
                "REJECT_UNSIGNED", null, "SEED"), null);
        RecordingAuditTrail audit = new RecordingAuditTrail();
        AgencyAdministration agencies = new AgencyAdministration(jdbc, new AxisClient(new AxisClientConfig(
                URI.create("http://127.0.0.1:9"), "00.53.W00", "unused", "00.53.W00", Duration.ofSeconds(1),
                Duration.ofSeconds(1))), audit);

        assertThat(agencies.search("SỞ TÀI", null, 0, 10).agencies()).extracting(AgencyView::code)
                .containsExactly("000.00.05.H53");
        assertThat(agencies.search("000.00.0", "AXIS", 0, 10).agencies()).extracting(AgencyView::code)
                .containsExactly("000.00.00.G22");
        assertThat(agencies.search("000_00", null, 0, 10).total()).isZero();
        AgencyAdministration.Page second = agencies.search(null, null, 1, 1);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.agencies()).extracting(AgencyView::code).containsExactly("000.00.05.H53");

        agencies.create(new AgencyRequest("000.00.12.H53", "Sở Thông tin và Truyền thông tỉnh Tây Ninh", "LOCAL",
                null, null, null, null, "000.00.00.H53"), "admin", "127.0.0.1");
        assertThat(directory.authenticate("000.00.12.H53", "a-long-random-token-0123456789")).isFalse();
        AgencyView edited = agencies.update("000.00.12.H53", new AgencyRequest(null, null, null, null,
                "a-long-random-token-0123456789", null, "ACCEPT_UNSIGNED_FLAGGED", null), "admin", "127.0.0.1");
        assertThat(edited.tokenSet()).isTrue();
        assertThat(edited.source()).isEqualTo("ADMIN");
        assertThat(directory.authenticate("000.00.12.H53", "a-long-random-token-0123456789")).isTrue();
        List<String> details = audit.events().stream().map(e -> e.detail()).toList();
        assertThat(details).anyMatch(d -> d.contains("created")).anyMatch(d -> d.contains("token replaced"))
                .noneMatch(d -> d.contains("a-long-random-token"));
    }
}
