package vn.gov.bus.connectors.feeds;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The XML Schema values of a camt.053 statement that reconciliation reads: {@code ISODateTime}
 * ({@code xs:dateTime}) and {@code ISODate} ({@code xs:date}). The values have already passed the
 * schema validator, so only their meaning is at stake here.
 *
 * <p>A million entries each carry a booking time: the usual shape
 * ({@code 2026-12-01T09:20:00+07:00}, with or without a fraction or an offset) is read directly,
 * which is several times cheaper than {@link XMLGregorianCalendar}; every other lexical form the
 * schema allows (a year beyond 9999, {@code 24:00:00}, dates before the Gregorian reform) goes
 * through {@link XMLGregorianCalendar} exactly as the JAXB reading did, so the result is the same
 * either way (fractions truncated to the millisecond, like {@code toGregorianCalendar()}).
 */
final class Camt053Values {

    private Camt053Values() {
    }

    /** An {@code ISODateTime}; without an offset it is the bank's local time in {@code zone}. */
    static Instant instant(String lexical, ZoneId zone) {
        String s = lexical.trim();
        Instant fast = fastInstant(s, zone);
        return fast != null ? fast : instant(calendar(s), zone);
    }

    /** An {@code ISODate}; a time zone suffix, which the schema allows, does not change the day. */
    static LocalDate date(String lexical) {
        String s = lexical.trim();
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year >= 1600 && month > 0 && day > 0) {
                return LocalDate.of(year, month, day);
            }
        }
        XMLGregorianCalendar c = calendar(s);
        return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    /** The day of an {@code ISODateTime} in {@code zone}. */
    static LocalDate localDate(String lexical, ZoneId zone) {
        return LocalDate.ofInstant(instant(lexical, zone), zone);
    }

    /** The rare path: a factory per call (the JDK's is cheap to make; factories are not promised thread-safe). */
    private static XMLGregorianCalendar calendar(String lexical) {
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(lexical);
    }

    private static Instant instant(XMLGregorianCalendar c, ZoneId zone) {
        if (c.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            return c.toGregorianCalendar().toZonedDateTime().toLocalDateTime().atZone(zone).toInstant();
        }
        return c.toGregorianCalendar().toInstant();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…][Z|±hh:mm]} with a year from 1600, else null. */
    private static Instant fastInstant(String s, ZoneId zone) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 1600 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        int millis = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int scale = i - start; scale < 3; scale++) {
                millis *= 10;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
            if (i == n) {
                return local.atZone(zone).toInstant();
            }
            if (i == n - 1 && s.charAt(i) == 'Z') {
                return local.toInstant(ZoneOffset.UTC);
            }
            if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
                int hours = digits(s, i + 1, i + 3);
                int minutes = digits(s, i + 4, i + 6);
                if (hours < 0 || minutes < 0) {
                    return null;
                }
                int sign = s.charAt(i) == '-' ? -1 : 1;
                return local.toInstant(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            }
            return null;
        } catch (DateTimeException unusual) {
            // e.g. an offset beyond ±14:00 with minutes: leave it to the general reading
            return null;
        }
    }

    /** The non-negative number written in s[from, to), or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
