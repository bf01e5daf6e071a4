package vn.gov.bus.routes.mail;

/** An operator's decision that cannot be carried out; {@link #kind()} maps to the API's answer. */
public class QuarantineDecisionException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public QuarantineDecisionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
