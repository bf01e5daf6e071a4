package vn.gov.bus.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.connectors.registry.simulator.EnterpriseDataset;

/** The same migration (V5) and cache on a real PostgreSQL, as production runs it. */
class EnterpriseCachePostgresTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theV5MigrationRunsOnPostgresqlAndTheCacheStoresReadsAndReplacesAnswers() {
        EnterpriseCache cache = new EnterpriseCache(new JdbcTemplate(postgres.getPostgresDatabase()),
                Duration.ofHours(24), Clock.systemUTC());
        EnterpriseDataset dataset = new EnterpriseDataset(1_000);
        Enterprise branch = dataset.branch(dataset.firstWithBranch(0), 1);

        cache.put(branch);
        cache.put(branch);

        assertThat(cache.find(branch.code())).hasValueSatisfying(entry -> {
            assertThat(entry.enterprise()).isEqualTo(branch);
            assertThat(entry.fresh()).isTrue();
        });
        assertThat(cache.size()).isEqualTo(1);
    }
}
