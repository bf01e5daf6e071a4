package vn.gov.bus.app.certificates;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One certificate the bus holds: {@code role} says what for (SIGNING = the organisation's key,
 * SIGNING_CHAIN = its issuers, TLS = the HTTPS server key, TRUST_ANCHOR, EXTRA_TRUST_ANCHOR),
 * {@code source} where it was read from. {@code daysLeft} is negative once expired.
 */
public record CertificateEntry(String role, String source, String subject, String issuer, String serial,
                               Instant notBefore, Instant notAfter, long daysLeft, CertificateStatus status) {

    static CertificateEntry of(String role, String source, X509Certificate c, Instant now, Duration warning) {
        Instant notBefore = c.getNotBefore().toInstant();
        Instant notAfter = c.getNotAfter().toInstant();
        CertificateStatus status;
        if (now.isAfter(notAfter)) {
            status = CertificateStatus.EXPIRED;
        } else if (now.isBefore(notBefore)) {
            status = CertificateStatus.NOT_YET_VALID;
        } else if (!now.plus(warning).isBefore(notAfter)) {
            status = CertificateStatus.EXPIRING;
        } else {
            status = CertificateStatus.OK;
        }
        // whole days toward zero: "10 days left" until the last 24 hours, then 0; -3 three days after
        long daysLeft = Duration.between(now, notAfter).toDays();
        return new CertificateEntry(role, source, c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), hex(c.getSerialNumber()), notBefore, notAfter, daysLeft, status);
    }

    private static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }

    public boolean needsAttention() {
        return status != CertificateStatus.OK;
    }
}
