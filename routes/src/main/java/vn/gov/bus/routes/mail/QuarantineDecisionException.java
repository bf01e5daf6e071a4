package vn.gov.bus.routes.mail;

/**
 * A quarantine decision the bus refuses: what kind of refusal, which field broke which rule, in
 * English and in Vietnamese for the clerk reading it.
 */
public class QuarantineDecisionException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;
    private final String field;
    private final String rule;
    private final String messageVi;

    public QuarantineDecisionException(Kind kind, String field, String rule, String message, String messageVi) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
        this.messageVi = messageVi;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public String messageVi() {
        return messageVi;
    }
}
