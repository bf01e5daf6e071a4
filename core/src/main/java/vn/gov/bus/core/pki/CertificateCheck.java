package vn.gov.bus.core.pki;

import java.util.Objects;

/** The outcome of validating a signer's certificate: why it was accepted or rejected, in words. */
public record CertificateCheck(boolean valid, Reason reason, String detail) {

    public enum Reason { OK, UNTRUSTED_ROOT, EXPIRED, NOT_YET_VALID, REVOKED, BAD_KEY_USAGE, MALFORMED }

    public CertificateCheck {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (valid != (reason == Reason.OK)) {
            throw new IllegalArgumentException("valid must be true exactly when reason is OK");
        }
    }

    public static CertificateCheck ok(String detail) {
        return new CertificateCheck(true, Reason.OK, detail);
    }

    public static CertificateCheck rejected(Reason reason, String detail) {
        return new CertificateCheck(false, reason, detail);
    }
}
