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
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw FeedRejectedException.field(line, field, ("'%s' không đúng dạng yyyy-MM-ddTHH:mm:ss+07:00"
                    + " / '%s' is not an ISO-8601 date-time with offset").formatted(v, v));
        }
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
