package vn.gov.bus.app.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DirectorySynchronizer;
import vn.gov.bus.core.state.DocumentCodes;
import vn.gov.bus.core.state.MessageRegistry;
import vn.gov.bus.core.state.PendingBox;
import vn.gov.bus.core.tracking.DocumentTracking;
import vn.gov.bus.core.tracking.StatusLog;
import vn.gov.bus.routes.BusIdentity;

/** State kept in the database (H2 embedded, PostgreSQL in production; Flyway migrations in bus-core). */
@Configuration(proxyBeanMethods = false)
public class StateConfiguration {

    @Bean
    AgencyDirectory agencyDirectory(JdbcTemplate jdbc) {
        return new AgencyDirectory(jdbc);
    }

    @Bean
    DirectorySynchronizer directorySynchronizer(JdbcTemplate jdbc) {
        return new DirectorySynchronizer(jdbc);
    }

    @Bean
    DeliveryLedger deliveryLedger(JdbcTemplate jdbc) {
        return new DeliveryLedger(jdbc);
    }

    @Bean
    PendingBox pendingBox(JdbcTemplate jdbc) {
        return new PendingBox(jdbc);
    }

    @Bean
    MessageRegistry messageRegistry(JdbcTemplate jdbc) {
        return new MessageRegistry(jdbc);
    }

    @Bean
    DocumentCodes documentCodes(JdbcTemplate jdbc) {
        return new DocumentCodes(jdbc);
    }

    @Bean
    vn.gov.bus.core.state.DocumentDueDates documentDueDates(JdbcTemplate jdbc) {
        return new vn.gov.bus.core.state.DocumentDueDates(jdbc);
    }

    @Bean
    StatusLog statusLog(JdbcTemplate jdbc) {
        return new StatusLog(jdbc);
    }

    @Bean
    DocumentTracking documentTracking(JdbcTemplate jdbc) {
        return new DocumentTracking(jdbc);
    }

    @Bean
    BusIdentity busIdentity(BusProperties bus) {
        BusProperties.Organisation org = bus.organisation();
        return new BusIdentity(org.organId(), org.name(), org.centreCode());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
