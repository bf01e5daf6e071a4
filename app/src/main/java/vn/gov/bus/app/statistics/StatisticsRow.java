package vn.gov.bus.app.statistics;

import java.time.LocalDate;

/**
 * One agency in one period; the counts are defined in docs/observability.md ("Statistics").
 * {@code pending}, {@code rejected}, {@code handled}, {@code handledOnTime} and {@code withdrawn}
 * are about the documents received in the period, as they stand at the time of the call.
 */
public record StatisticsRow(String agency, String agencyName, String period, LocalDate periodStart,
                            LocalDate periodEnd, long sent, long received, long pending, long rejected,
                            long handled, long handledOnTime, long withdrawn) {
}
