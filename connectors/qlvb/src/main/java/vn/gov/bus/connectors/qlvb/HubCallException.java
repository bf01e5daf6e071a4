package vn.gov.bus.connectors.qlvb;

/**
 * A call from a local document system to the hub failed. For a {@code HubFault} the code, field
 * and rule are the hub's; for other failures the code is {@link #SOAP_FAULT} (a fault without
 * the hub's detail) or {@link #UNREACHABLE} (no SOAP answer at all).
 */
public class HubCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The hub answered with a SOAP fault that carries no {@code HubFaultDetail}. */
    public static final String SOAP_FAULT = "SOAP_FAULT";
    /** No SOAP answer: connection refused, timeout, broken HTTP exchange. */
    public static final String UNREACHABLE = "UNREACHABLE";

    private final String code;
    private final String field;
    private final String rule;
    private final String messageVi;

    public HubCallException(String code, String field, String rule, String message, Throwable cause) {
        this(code, field, rule, message, null, cause);
    }

    public HubCallException(String code, String field, String rule, String message, String messageVi,
                            Throwable cause) {
        super(message, cause);
        this.code = code;
        this.field = field;
        this.rule = rule;
        this.messageVi = messageVi;
    }

    /** The hub's Vietnamese text for a clerk, when it sent one. */
    public String messageVi() {
        return messageVi;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    @Override
    public String toString() {
        return "HubCallException[code=" + code + ", field=" + field + ", rule=" + rule + "]: " + getMessage();
    }
}
