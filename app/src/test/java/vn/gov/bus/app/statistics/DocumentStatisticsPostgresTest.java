package vn.gov.bus.app.statistics;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DeliveryKey;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DocumentDueDates;
import vn.gov.bus.core.state.MessageRegistry;
import vn.gov.bus.core.tracking.StatusLog;

/** The V12 migration and the statistics' queries on a real PostgreSQL, as production runs them. */
class DocumentStatisticsPostgresTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void documentsRecordedByTheStateStoresAreCountedOnPostgresqlWithAndWithoutAnAgency() {
        jdbc.update("INSERT INTO agency (organ_id, name, channel, source, updated_at) VALUES (?, ?, 'LOCAL', 'SEED', now())",
                FINANCE, "Sở Tài chính");
        LocalDate today = LocalDate.now(VIETNAM);
        MessageRegistry messages = new MessageRegistry(jdbc);
        DeliveryLedger ledger = new DeliveryLedger(jdbc);
        DocumentDueDates dueDates = new DocumentDueDates(jdbc);
        StatusLog statuses = new StatusLog(jdbc);
        for (String doc : new String[] {"doc-1", "doc-2"}) {
            messages.record("m-" + doc, "OUTGOING", "EDOC", doc, OFFICE, "Trích yếu", "00", Instant.now());
            DeliveryKey key = new DeliveryKey(OFFICE, doc, FINANCE);
            ledger.register(key, doc, "EDOC", Channel.LOCAL, "m-" + doc);
            ledger.markDelivered(key, null);
        }
        dueDates.record(OFFICE, "doc-1", today.plusDays(3));
        statuses.record(new StatusLog.Status(FINANCE, "s-1", OFFICE, "doc-1", "1/UBND-VP", "06", null, null, null,
                Instant.now(), "OUTGOING", "m-s1"), Instant.now());

        DocumentStatistics statistics = new DocumentStatistics(jdbc, Clock.systemUTC());
        StatisticsReport all = statistics.report(new StatisticsQuery(today, today, null, StatisticsPeriod.MONTH, VIETNAM));
        StatisticsRow finance = all.rows().stream().filter(r -> FINANCE.equals(r.agency())).findFirst().orElseThrow();
        assertThat(finance.agencyName()).isEqualTo("Sở Tài chính");
        assertThat(finance.received()).isEqualTo(2);
        assertThat(finance.handled()).isEqualTo(1);
        assertThat(finance.handledOnTime()).isEqualTo(1);
        assertThat(finance.pending()).isEqualTo(1);
        StatisticsRow office = all.rows().stream().filter(r -> OFFICE.equals(r.agency())).findFirst().orElseThrow();
        assertThat(office.sent()).isEqualTo(2);
        assertThat(office.agencyName()).isNull();

        StatisticsReport one = statistics.report(new StatisticsQuery(today, today, FINANCE, StatisticsPeriod.DAY, VIETNAM));
        assertThat(one.rows()).extracting(StatisticsRow::agency).containsExactly(FINANCE);
        assertThat(one.totals().received()).isEqualTo(2);
        assertThat(statistics.knowsAgency(FINANCE)).isTrue();
        assertThat(statistics.knowsAgency(OFFICE)).isFalse();
    }
}
