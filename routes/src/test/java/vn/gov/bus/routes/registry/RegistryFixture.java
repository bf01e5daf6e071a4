package vn.gov.bus.routes.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.connectors.registry.EnterpriseCache;
import vn.gov.bus.connectors.registry.EnterpriseCodeValidator;
import vn.gov.bus.connectors.registry.RegistryClientSettings;
import vn.gov.bus.connectors.registry.RegistryEndpoints;
import vn.gov.bus.connectors.registry.simulator.EnterpriseDataset;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditTrail;

/**
 * The lookup as the bus wires it, on real parts: the registry simulator over HTTP on an
 * ephemeral port, the camel-cxf client, the lookup route with its breaker, H2 with the real
 * migrations. The clock of the cache can be moved to age cached answers.
 */
final class RegistryFixture implements AutoCloseable {

    static final Duration CACHE_LIFETIME = Duration.ofHours(1);

    final RegistrySimulator simulator;
    final CamelContext camel;
    final EnterpriseCache cache;
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    final RegistryLookupSettings settings;
    final RegistryLookupRoute route;
    final EnterpriseLookupService service;

    RegistryFixture(RegistryLookupSettings settings, Duration receiveTimeout) throws Exception {
        this.settings = settings;
        simulator = new RegistrySimulator("127.0.0.1", 0, new EnterpriseDataset(100_000)).start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        cache = new EnterpriseCache(new JdbcTemplate(ds), CACHE_LIFETIME, clock);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(RegistryEndpoints.BEAN_NAME, RegistryEndpoints.create(camel,
                new RegistryClientSettings(simulator.endpoint(), Duration.ofSeconds(1), receiveTimeout, 256 * 1024)));
        route = new RegistryLookupRoute(settings, settings.circuitBreaker());
        camel.addRoutes(route);
        camel.start();
        AuditTrail trail = audit::add;
        service = new EnterpriseLookupService(EnterpriseCodeValidator.strict(), cache, camel.createProducerTemplate(),
                trail, settings);
    }

    static RegistryLookupSettings settings(int maxRetries, int window, Duration waitInOpenState) {
        return new RegistryLookupSettings(maxRetries, Duration.ofMillis(10), 50f, window, window, waitInOpenState, 1);
    }

    @Override
    public void close() {
        camel.stop();
        simulator.close();
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
