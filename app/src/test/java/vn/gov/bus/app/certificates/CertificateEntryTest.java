package vn.gov.bus.app.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.gov.bus.core.pki.DevCertificateAuthority;

/** Expiry status of BouncyCastle-made certificates against the 30-day warning. */
class CertificateEntryTest {

    static final Duration WARNING = Duration.ofDays(30);
    final Instant now = Instant.now();

    @Test
    void aCertificateExpiringInTenDaysIsExpiringAndOneInAHundredDaysIsOk() {
        CertificateEntry soon = entry(now.plus(Duration.ofDays(10)).plusSeconds(60));
        CertificateEntry later = entry(now.plus(Duration.ofDays(100)).plusSeconds(60));
        assertThat(soon.status()).isEqualTo(CertificateStatus.EXPIRING);
        assertThat(soon.daysLeft()).isEqualTo(10);
        assertThat(soon.needsAttention()).isTrue();
        assertThat(later.status()).isEqualTo(CertificateStatus.OK);
        assertThat(later.daysLeft()).isEqualTo(100);
        assertThat(later.needsAttention()).isFalse();
    }

    @Test
    void theWarningStartsExactlyThirtyDaysBeforeExpiry() {
        X509Certificate c = root(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
        Instant notAfter = c.getNotAfter().toInstant();
        assertThat(CertificateEntry.of("SIGNING", "test", c, notAfter.minus(WARNING), WARNING).status())
                .isEqualTo(CertificateStatus.EXPIRING);
        assertThat(CertificateEntry.of("SIGNING", "test", c, notAfter.minus(WARNING).minusSeconds(1), WARNING).status())
                .isEqualTo(CertificateStatus.OK);
    }

    @Test
    void anExpiredCertificateHasNegativeDaysLeft() {
        CertificateEntry expired = CertificateEntry.of("TRUST_ANCHOR", "test", root(now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(3))), now, WARNING);
        assertThat(expired.status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(expired.daysLeft()).isEqualTo(-3);
    }

    private CertificateEntry entry(Instant notAfter) {
        return CertificateEntry.of("EXTRA_TRUST_ANCHOR", "test", root(now.minus(Duration.ofDays(1)), notAfter), now,
                WARNING);
    }

    private static X509Certificate root(Instant notBefore, Instant notAfter) {
        return DevCertificateAuthority.newRoot("Gốc thử nghiệm", 2048, notBefore, notAfter).certificate();
    }
}
