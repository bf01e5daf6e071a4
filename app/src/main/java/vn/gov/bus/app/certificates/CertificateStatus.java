package vn.gov.bus.app.certificates;

/** OK; EXPIRING within bus.pki.expiry-warning; EXPIRED (or not yet valid: NOT_YET_VALID). */
public enum CertificateStatus {
    OK, EXPIRING, EXPIRED, NOT_YET_VALID
}
