package vn.gov.bus.core.xml;

/** Raised when input XML is refused by {@link SecureXml}; {@link #reason()} names the rule. */
public class XmlRejectedException extends RuntimeException {

    public enum Reason { MALFORMED, DTD_FORBIDDEN, TOO_LARGE, TOO_DEEP }

    private final Reason reason;

    public XmlRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
