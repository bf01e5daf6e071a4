package vn.gov.bus.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.connectors.registry.simulator.EnterpriseDataset;

/** The cache on H2 with the real migration (V5), as the bus runs it. */
class EnterpriseCacheTest {

    static final EnterpriseDataset DATASET = new EnterpriseDataset(1_000);

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @Test
    void anAnswerIsReadBackWholeAndFreshWithinItsLifetime() {
        EnterpriseCache cache = new EnterpriseCache(jdbc, Duration.ofHours(24), clock);
        Enterprise enterprise = DATASET.enterprise(7);
        cache.put(enterprise);
        clock.advance(Duration.ofHours(23));

        assertThat(cache.find(enterprise.code())).hasValueSatisfying(entry -> {
            assertThat(entry.enterprise()).isEqualTo(enterprise);
            assertThat(entry.age()).isEqualTo(Duration.ofHours(23));
            assertThat(entry.fresh()).isTrue();
        });
    }

    @Test
    void anAnswerPastItsLifetimeIsKeptAsStaleAndReplacedByTheNextOne() {
        EnterpriseCache cache = new EnterpriseCache(jdbc, Duration.ofMinutes(10), clock);
        Enterprise branch = DATASET.branch(DATASET.firstWithBranch(0), 1);
        cache.put(branch);
        clock.advance(Duration.ofMinutes(11));
        assertThat(cache.find(branch.code())).hasValueSatisfying(entry -> assertThat(entry.fresh()).isFalse());

        cache.put(branch);
        assertThat(cache.find(branch.code())).hasValueSatisfying(entry -> assertThat(entry.fresh()).isTrue());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theTableOutlivesTheCacheObjectAsItOutlivesARestart() {
        Enterprise enterprise = DATASET.enterprise(8);
        new EnterpriseCache(jdbc, Duration.ofHours(1), clock).put(enterprise);

        EnterpriseCache afterRestart = new EnterpriseCache(jdbc, Duration.ofHours(1), clock);
        assertThat(afterRestart.find(enterprise.code())).hasValueSatisfying(
                entry -> assertThat(entry.enterprise().nameVi()).isEqualTo(enterprise.nameVi()));
        afterRestart.remove(enterprise.code());
        assertThat(afterRestart.find(enterprise.code())).isEmpty();
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
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
