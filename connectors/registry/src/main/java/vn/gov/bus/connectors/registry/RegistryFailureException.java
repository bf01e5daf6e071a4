package vn.gov.bus.connectors.registry;

/**
 * The registry answered with a SOAP fault. {@link #transientFailure()} says whether asking
 * again may help (UNAVAILABLE, INTERNAL or an undeclared fault) or not (INVALID_REQUEST: the
 * bus sent something the registry refuses, a bug to fix, not to retry).
 */
public final class RegistryFailureException extends RuntimeException {

    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String INTERNAL = "INTERNAL";

    private final String code;

    public RegistryFailureException(String code, String message, Throwable cause) {
        super("registry fault " + code + ": " + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean transientFailure() {
        return !INVALID_REQUEST.equals(code);
    }
}
