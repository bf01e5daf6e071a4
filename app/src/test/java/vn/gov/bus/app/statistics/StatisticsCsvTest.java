package vn.gov.bus.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV export: BOM, quoting, and no cell a spreadsheet would run as a formula. */
class StatisticsCsvTest {

    @Test
    void agencyNamesThatLookLikeFormulasOrHoldCommasAreWrittenAsPlainText() {
        StatisticsRow row = new StatisticsRow("000.00.99.H53", "=HYPERLINK(\"http://x\",\"Sở, Ban\")", "2026-11",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), 1, 2, 0, 0, 2, 1, 0);
        StatisticsReport report = new StatisticsReport(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null,
                "month", "Asia/Ho_Chi_Minh", Instant.now(), List.of(row), StatisticsReport.Totals.of(List.of(row)));
        String csv = new String(StatisticsCsv.write(report), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFMã định danh,");
        assertThat(csv.split("\r\n")[1])
                .isEqualTo("000.00.99.H53,\"'=HYPERLINK(\"\"http://x\"\",\"\"Sở, Ban\"\")\",2026-11,2026-11-01,2026-11-30,1,2,0,0,2,1,0");
    }

    @Test
    void quarterAndYearKeysAndBoundsFollowTheCalendar() {
        LocalDate day = LocalDate.of(2026, 11, 24);
        assertThat(StatisticsPeriod.QUARTER.key(day)).isEqualTo("2026-Q4");
        assertThat(StatisticsPeriod.QUARTER.start(day)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(StatisticsPeriod.QUARTER.end(day)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(StatisticsPeriod.MONTH.end(LocalDate.of(2028, 2, 3))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(StatisticsPeriod.YEAR.key(day)).isEqualTo("2026");
        assertThat(StatisticsPeriod.DAY.key(day)).isEqualTo("2026-11-24");
    }
}
