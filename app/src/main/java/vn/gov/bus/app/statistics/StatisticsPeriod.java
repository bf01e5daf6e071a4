package vn.gov.bus.app.statistics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** The length of one row's period; keys sort as text in time order. */
public enum StatisticsPeriod {
    DAY, MONTH, QUARTER, YEAR;

    public static Optional<StatisticsPeriod> parse(String value) {
        for (StatisticsPeriod p : values()) {
            if (p.name().equalsIgnoreCase(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** First day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** Last day of the period holding {@code day}. */
    public LocalDate end(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAY -> day;
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    /** 2026-11-24, 2026-11, 2026-Q4, 2026. */
    public String key(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case MONTH -> day.toString().substring(0, 7);
            case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> Integer.toString(day.getYear());
        };
    }
}
