package vn.gov.bus.routes.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.connectors.axis.AxisAgency;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisClientConfig;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.AxisSimulatorConfig;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DirectorySynchronizer;
import vn.gov.bus.core.state.SyncReport;

/** The directory sync against the axis simulator over HTTP, into H2 on the real migrations. */
class DirectorySyncRouteTest {

    static final String SYSTEM = "00.53.W00";
    static final String SECRET = "directory-sync-test-secret";
    static final int DIRECTORY_SIZE = 5_000;

    AxisSimulator axis;
    AxisClient client;
    JdbcTemplate jdbc;
    AgencyDirectory directory;
    DirectorySync sync;
    CamelContext camel;

    @BeforeEach
    void start() {
        axis = new AxisSimulator(AxisSimulatorConfig.builder()
                .host("127.0.0.1").port(0).system(SYSTEM, SECRET).directorySize(DIRECTORY_SIZE).build()).start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = new JdbcTemplate(ds);
        directory = new AgencyDirectory(jdbc);
        client = new AxisClient(new AxisClientConfig(axis.endpoint(), SYSTEM, SECRET, SYSTEM,
                Duration.ofSeconds(2), Duration.ofSeconds(30)));
        sync = new DirectorySync(client, new DirectorySynchronizer(jdbc), directory, false);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        axis.close();
    }

    @Test
    void routeLoadsTheAxisDirectoryOverHttpIntoTheAgencyTable() throws Exception {
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("bus.directory.sync-initial-delay", "0s");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new DirectorySyncRoute(sync));
        camel.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> directory.count() == DIRECTORY_SIZE);

        AxisAgency sample = axis.directory().get(DIRECTORY_SIZE / 2);
        assertThat(directory.find(sample.code())).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo(sample.name());
            assertThat(a.channel()).isEqualTo(Channel.AXIS);
            assertThat(a.source()).isEqualTo("AXIS");
        });
        assertThat(camel.getRoute(DirectorySyncRoute.ROUTE_ID)).isNotNull();
    }

    @Test
    void parentIsStoredAsTheParentsAgencyCodeNotTheAxisId() {
        sync.synchronise();

        AxisAgency child = axis.directory().stream()
                .filter(a -> a.pid() != null && !"0".equals(a.pid())).findFirst().orElseThrow();
        AxisAgency parent = axis.directory().stream()
                .filter(a -> child.pid().equals(a.id())).findFirst().orElseThrow();
        assertThat(directory.find(child.code())).get().extracting(Agency::parentId).isEqualTo(parent.code());
    }

    @Test
    void secondSyncOfAnUnchangedAxisDirectoryChangesNothing() {
        sync.synchronise();

        assertThat(sync.synchronise()).hasValueSatisfying(report -> {
            assertThat(report.noChanges()).isTrue();
            assertThat(report.unchanged()).isEqualTo(DIRECTORY_SIZE);
        });
    }

    @Test
    void unreachableAxisKeepsTheCurrentDirectory() {
        assertThat(sync.synchronise()).map(SyncReport::inserted).contains(DIRECTORY_SIZE);
        axis.setAvailable(false);

        assertThat(sync.synchronise()).isEmpty();
        assertThat(directory.count()).isEqualTo(DIRECTORY_SIZE);
    }

    @Test
    void routeIsNotStartedWhenSyncIsDisabled() throws Exception {
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("bus.directory.sync-enabled", "false");
        properties.setProperty("bus.directory.sync-initial-delay", "0s");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new DirectorySyncRoute(sync));
        camel.start();

        assertThat(camel.getRouteController().getRouteStatus(DirectorySyncRoute.ROUTE_ID).isStarted()).isFalse();
        assertThat(directory.count()).isZero();
    }

    @Test
    void seededLocalAgencyKeepsItsChannelWhenTheAxisListsItsCode() {
        AxisAgency listed = axis.directory().get(0);
        directory.upsert(new Agency(listed.code(), "Tên cục bộ", Channel.LOCAL, null, "REJECT_UNSIGNED", null, "SEED"),
                null);

        assertThat(sync.synchronise()).map(SyncReport::localOverrides).contains(1);
        assertThat(directory.find(listed.code())).get().extracting(Agency::channel, Agency::name)
                .containsExactly(Channel.LOCAL, "Tên cục bộ");
    }

    @Test
    void localAgencyTheAxisDoesNotListIsRegisteredWithTheAxisOnceWhenRegistrationIsOn() {
        String code = "000.77.05.H53";
        directory.upsert(new Agency(code, "Sở Thử nghiệm tỉnh Tây Ninh", Channel.LOCAL, "stn@tayninh.gov.vn",
                "REJECT_UNSIGNED", null, "SEED"), null);
        DirectorySync registering = new DirectorySync(client, new DirectorySynchronizer(jdbc), directory, true);

        assertThat(registering.synchronise()).isPresent();

        assertThat(client.getAgenciesList()).filteredOn(a -> code.equals(a.code())).singleElement()
                .satisfies(a -> {
                    assertThat(a.pid()).isEqualTo(SYSTEM);
                    assertThat(a.name()).isEqualTo("Sở Thử nghiệm tỉnh Tây Ninh");
                    assertThat(a.mail()).isEqualTo("stn@tayninh.gov.vn");
                });
        // listed now: the next synchronisation does not register it again
        assertThat(registering.registerLocalAgencies(client.getAgenciesList())).isEmpty();
        assertThat(directory.find(code)).get().extracting(Agency::channel).isEqualTo(Channel.LOCAL);
    }

    @Test
    void localAgenciesAreNotRegisteredWhenRegistrationIsOff() {
        directory.upsert(new Agency("000.78.05.H53", "Sở Không đăng ký", Channel.LOCAL, null, "REJECT_UNSIGNED",
                null, "SEED"), null);

        sync.synchronise();

        assertThat(client.getAgenciesList()).noneMatch(a -> "000.78.05.H53".equals(a.code()));
    }
}
