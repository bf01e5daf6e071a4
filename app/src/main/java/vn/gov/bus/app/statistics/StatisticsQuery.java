package vn.gov.bus.app.statistics;

import java.time.LocalDate;
import java.time.ZoneId;

/** What a statistics call asks for: days inclusive, in the bus's statistics time zone. */
public record StatisticsQuery(LocalDate from, LocalDate to, String agency, StatisticsPeriod period, ZoneId zone) {
}
