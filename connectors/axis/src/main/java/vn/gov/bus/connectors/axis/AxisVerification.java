package vn.gov.bus.connectors.axis;

/**
 * Outcome of checking a request's authentication headers: valid, or the first rule that failed
 * with a detail naming the header or field concerned.
 */
public record AxisVerification(Failure failure, String detail) {

    /** Why a request was refused; the simulator sends {@link #name()} as the {@code ErrorCode}. */
    public enum Failure {
        /** A required header is absent or a required field is not among the signed ones. */
        MISSING_HEADER,
        /** {@code XroadVnpt-hash-header} is not the HMAC of {@code XroadVnpt-sign-header}. */
        INVALID_SIGNATURE,
        /** The signed JSON, the signed name list and the actual headers disagree. */
        SIGNED_HEADERS_MISMATCH,
        /** The timestamp field is not a number of milliseconds (or an ISO-8601 instant). */
        MALFORMED_TIMESTAMP,
        /** The timestamp is outside the allowed clock skew: possibly a replay. */
        STALE_TIMESTAMP,
        /** {@code XroadVnpt-hash-file} is not the SHA-256 of the body. */
        HASH_MISMATCH
    }

    private static final AxisVerification OK = new AxisVerification(null, "valid");

    public static AxisVerification ok() {
        return OK;
    }

    public static AxisVerification fail(Failure failure, String detail) {
        return new AxisVerification(failure, detail);
    }

    public boolean valid() {
        return failure == null;
    }

    /** The failure's name, or {@code null} when valid. */
    public String errorCode() {
        return failure == null ? null : failure.name();
    }
}
