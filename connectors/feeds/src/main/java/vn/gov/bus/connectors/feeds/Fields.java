package vn.gov.bus.connectors.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Field parsers of the feed layouts; each failure names the line, the field and the rule. */
final class Fields {

    private Fields() {
    }

    static String required(String value, long line, String field, int maxLength) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw FeedRejectedException.field(line, field, "bắt buộc, đang trống / required, is empty");
        }
        if (v.length() > maxLength) {
            throw FeedRejectedException.field(line, field, "dài quá %d ký tự / longer than %d characters"
                    .formatted(maxLength, maxLength));
        }
        return v;
    }

    static String optional(String value, long line, String field, int maxLength) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() ? null : required(v, line, field, maxLength);
    }

    /** Whole VND: digits only (no separators, no decimals), more than zero. */
    static long vnd(String value, long line, String field) {
        String v = required(value, line, field, 15);
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                throw FeedRejectedException.field(line, field, ("'%s' không phải số tiền VND nguyên (chỉ gồm chữ số)"
                        + " / '%s' is not a whole VND amount (digits only)").formatted(v, v));
            }
        }
        long amount = Long.parseLong(v);
        if (amount <= 0) {
            throw FeedRejectedException.field(line, field, "số tiền phải lớn hơn 0 / the amount must be more than 0");
        }
        return amount;
    }

    /** ISO-8601 date-time with its offset, e.g. 2026-12-01T08:15:00+07:00. */
    static Instant instant(String value, long line, String field) {
        String v = required(value, line, field, 40);
        Instant fast = fastInstant(v);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw FeedRejectedException.field(line, field, ("'%s' không đúng dạng yyyy-MM-ddTHH:mm:ss+07:00"
                    + " / '%s' is not an ISO-8601 date-time with offset").formatted(v, v));
        }
    }

    /**
     * The layout's usual form {@code yyyy-MM-ddTHH:mm:ss+hh:mm}, parsed without the general
     * formatter (a statement of a million lines has two million of them); null for anything
     * else, which the general parser then judges.
     */
    private static Instant fastInstant(String v) {
        if (v.length() != 25 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':' || (v.charAt(19) != '+' && v.charAt(19) != '-') || v.charAt(22) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        int offsetHours = digits(v, 20, 2);
        int offsetMinutes = digits(v, 23, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0
                || offsetMinutes > 59) {
            return null;
        }
        try {
            int sign = v.charAt(19) == '-' ? -1 : 1;
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
                    .toInstant(java.time.ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
        } catch (java.time.DateTimeException invalidDay) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static LocalDate date(String value, long line, String field) {
        String v = required(value, line, field, 10);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw FeedRejectedException.field(line, field, "'%s' không đúng dạng yyyy-MM-dd / '%s' is not yyyy-MM-dd"
                    .formatted(v, v));
        }
    }
}
