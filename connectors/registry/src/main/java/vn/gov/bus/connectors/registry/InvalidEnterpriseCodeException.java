package vn.gov.bus.connectors.registry;

/**
 * A code refused before any call to the registry: which field, which rule, and the message in
 * English ({@link #getMessage()}) and in Vietnamese for the clerk who typed it.
 */
public final class InvalidEnterpriseCodeException extends RuntimeException {

    private final String field;
    private final String rule;
    private final String messageVi;

    public InvalidEnterpriseCodeException(String field, String rule, String message, String messageVi) {
        super(message);
        this.field = field;
        this.rule = rule;
        this.messageVi = messageVi;
    }

    public String field() {
        return field;
    }

    /** Stable rule name: required, characters, length, check-digit, branch-suffix. */
    public String rule() {
        return rule;
    }

    public String messageVi() {
        return messageVi;
    }
}
