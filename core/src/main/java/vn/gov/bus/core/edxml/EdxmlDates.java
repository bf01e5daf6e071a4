package vn.gov.bus.core.edxml;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates ({@code yyyy/MM/dd}) and timestamps ({@code yyyy/MM/dd HH:mm:ss}) as the reference
 * library writes them: local time of Việt Nam, no zone. Parsing also accepts ISO 8601 forms
 * because some producers send them; formatting always uses the regulation's forms.
 */
public final class EdxmlDates {

    /** Timestamps without a zone are Việt Nam local time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private EdxmlDates() {
    }

    public static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    public static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant.atZone(ZONE));
    }

    /**
     * Parses {@code yyyy/MM/dd}, ISO {@code yyyy-MM-dd}, or a timestamp in any accepted form
     * (its date part).
     *
     * @throws DateTimeParseException when the text is none of these
     */
    public static LocalDate parseDate(String text) {
        String value = text.strip();
        if (value.length() == 10) {
            return value.charAt(4) == '/' ? LocalDate.parse(value, DATE) : LocalDate.parse(value);
        }
        return parseTimestamp(value).atZone(ZONE).toLocalDate();
    }

    /**
     * Parses {@code yyyy/MM/dd HH:mm:ss} (Việt Nam local time), ISO local date-time (likewise),
     * ISO date-time with an offset, or a bare date (midnight).
     *
     * @throws DateTimeParseException when the text is none of these
     */
    public static Instant parseTimestamp(String text) {
        String value = text.strip();
        if (value.length() == 10) {
            return parseDate(value).atStartOfDay(ZONE).toInstant();
        }
        if (value.length() > 4 && value.charAt(4) == '/') {
            return LocalDateTime.parse(value, TIMESTAMP).atZone(ZONE).toInstant();
        }
        try {
            return LocalDateTime.parse(value).atZone(ZONE).toInstant();
        } catch (DateTimeParseException local) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    /** Whether {@link #parseDate} accepts the text. */
    static boolean isDate(String text) {
        try {
            parseDate(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether {@link #parseTimestamp} accepts the text. */
    static boolean isTimestamp(String text) {
        try {
            parseTimestamp(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
