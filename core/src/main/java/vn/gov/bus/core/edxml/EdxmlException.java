package vn.gov.bus.core.edxml;

/**
 * An edXML package (or a value in it) that the bus cannot read, write or use. {@link #field()}
 * says where, XPath-like from the header or body part ({@code MessageHeader/To[2]/OrganId});
 * {@link #rule()} is a short machine code ({@code required}, {@code max-length-500},
 * {@code base64}, {@code format}, {@code duplicate}, ...).
 */
public class EdxmlException extends RuntimeException {

    private final String field;
    private final String rule;

    public EdxmlException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public EdxmlException(String field, String rule, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.rule = rule;
    }

    static EdxmlException of(Violation violation) {
        return new EdxmlException(violation.field(), violation.rule(), violation.message());
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
