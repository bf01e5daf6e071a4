package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The throttle's counting on the V9 table, on H2 (embedded default) and a real PostgreSQL (production). */
class LoginThrottleTest {

    static EmbeddedPostgres postgres;
    static DataSource h2;

    @BeforeAll
    static void databases() throws Exception {
        postgres = EmbeddedPostgres.start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:throttle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2 = ds;
        for (DataSource d : new DataSource[] {postgres.getPostgresDatabase(), h2}) {
            Flyway.configure().dataSource(d).load().migrate();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    LoginThrottle throttle(String database) {
        DataSource ds = database.equals("postgresql") ? postgres.getPostgresDatabase() : h2;
        new JdbcTemplate(ds).update("DELETE FROM login_throttle");
        return new LoginThrottle(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new SecurityProperties.LoginThrottle(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(15)), clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theThirdFailureLocksTheUsernameForTheLockDurationThenItIsFree(String database) {
        LoginThrottle throttle = throttle(database);
        assertThat(throttle.failed("An", "192.0.2.1").lockedNow()).isFalse();
        assertThat(throttle.failed("an", "192.0.2.2").lockedNow()).isFalse();
        LoginThrottle.Failure third = throttle.failed("AN ", "192.0.2.3");
        assertThat(third.lockedNow()).isTrue();
        assertThat(third.lockedUntil()).isEqualTo(now.get().plus(Duration.ofMinutes(15)));
        assertThat(throttle.lockedUntil("an", "192.0.2.200")).hasValue(third.lockedUntil());
        assertThat(throttle.lockedUntil("binh", "192.0.2.200")).isEmpty();

        now.set(now.get().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(throttle.lockedUntil("an", "192.0.2.200")).isEmpty();
        assertThat(throttle.failed("an", "192.0.2.1").lockedNow()).as("a new count after the lock").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void failuresOutsideTheWindowStartANewCountAndASuccessForgetsTheUsernamesFailures(String database) {
        LoginThrottle throttle = throttle(database);
        throttle.failed("an", "192.0.2.1");
        throttle.failed("an", "192.0.2.1");
        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertThat(throttle.failed("an", "192.0.2.1").lockedNow()).isFalse();
        throttle.failed("an", "192.0.2.1");
        throttle.succeeded("an");
        assertThat(throttle.failed("an", "192.0.2.1").lockedNow()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void fiveFailuresFromOneAddressLockTheAddressForEveryName(String database) {
        LoginThrottle throttle = throttle(database);
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("name-" + i, "192.0.2.50").lockedNow()).isFalse();
        }
        assertThat(throttle.failed("name-4", "192.0.2.50").lockedNow()).isTrue();
        assertThat(throttle.lockedUntil("somebody-else", "192.0.2.50")).isPresent();
        assertThat(throttle.lockedUntil("somebody-else", "192.0.2.51")).isEmpty();
    }
}
