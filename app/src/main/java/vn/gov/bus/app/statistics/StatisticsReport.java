package vn.gov.bus.app.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer of GET /api/admin/statistics: the rows and their sum over all agencies and periods. */
public record StatisticsReport(LocalDate from, LocalDate to, String agency, String period, String zone,
                               Instant generatedAt, List<StatisticsRow> rows, Totals totals) {

    public record Totals(long sent, long received, long pending, long rejected, long handled,
                         long handledOnTime, long withdrawn) {

        static Totals of(List<StatisticsRow> rows) {
            return new Totals(rows.stream().mapToLong(StatisticsRow::sent).sum(),
                    rows.stream().mapToLong(StatisticsRow::received).sum(),
                    rows.stream().mapToLong(StatisticsRow::pending).sum(),
                    rows.stream().mapToLong(StatisticsRow::rejected).sum(),
                    rows.stream().mapToLong(StatisticsRow::handled).sum(),
                    rows.stream().mapToLong(StatisticsRow::handledOnTime).sum(),
                    rows.stream().mapToLong(StatisticsRow::withdrawn).sum());
        }
    }
}
