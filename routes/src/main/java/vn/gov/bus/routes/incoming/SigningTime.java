package vn.gov.bus.routes.incoming;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlDates;

/**
 * When a received package's certificate is judged. A package may spend days on the way (the axis
 * down, a poller stopped), and a certificate that expired meanwhile was valid when the sender
 * signed. edXML carries no trusted signing time, only the sender's own TraceHeaders (OrganId =
 * From) with the time it sent: the earliest such claimed time is used for the certificate's validity period,
 * but only within {@code window} before reception and never later than reception (plus clock
 * skew); otherwise the package is judged at reception. Revocation is always judged at reception
 * as well: a claimed time is not a trusted one, and accepting it for revocation would let a
 * stolen, revoked key back-date its signatures.
 */
record SigningTime(Instant at, Instant receivedAt, String note) {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Whether the certificate is judged at another time than reception (then revocation is checked twice). */
    boolean claimed() {
        return !at.equals(receivedAt);
    }

    static SigningTime of(EdocPackage parsed, Instant receivedAt, Duration window) {
        Optional<Instant> claimed = claimedBySender(parsed);
        if (claimed.isEmpty()) {
            return new SigningTime(receivedAt, receivedAt, null);
        }
        Instant time = claimed.get();
        if (time.isAfter(receivedAt.plus(CLOCK_SKEW))) {
            return new SigningTime(receivedAt, receivedAt, "the sender's TraceHeader claims " + time
                    + ", after reception: the certificate was judged at reception");
        }
        if (time.isBefore(receivedAt.minus(window))) {
            return new SigningTime(receivedAt, receivedAt, "the sender's TraceHeader claims " + time
                    + ", more than " + window + " before reception (bus.pki.signing-time-window): the certificate"
                    + " was judged at reception");
        }
        if (!time.isBefore(receivedAt.minus(CLOCK_SKEW))) {
            return new SigningTime(receivedAt, receivedAt, null);
        }
        return new SigningTime(time, receivedAt, "certificate judged at " + time
                + ", the sending time the sender's TraceHeader claims; revocation judged at reception " + receivedAt);
    }

    /** The earliest time the sender stamped the package (a system that sends again adds a TraceHeader). */
    private static Optional<Instant> claimedBySender(EdocPackage parsed) {
        String sender = parsed.fromOrganId();
        Instant earliest = null;
        for (EdocPackage.Trace trace : parsed.traces()) {
            if (sender != null && sender.equals(trace.organId()) && trace.timestamp() != null) {
                try {
                    Instant stamped = EdxmlDates.parseTimestamp(trace.timestamp());
                    earliest = earliest == null || stamped.isBefore(earliest) ? stamped : earliest;
                } catch (DateTimeParseException unreadable) {
                    // an unreadable stamp claims nothing
                }
            }
        }
        return Optional.ofNullable(earliest);
    }
}
