package vn.gov.bus.connectors.qlvb;

import java.util.Objects;

/**
 * The bus refuses a call. {@link DocumentHubEndpoint} turns it into the SOAP fault
 * {@code HubFault} whose detail carries the same code, field and rule, so the local document
 * system learns exactly what to fix.
 */
public class HubRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;
    private final String rule;

    /**
     * @param code    one of {@link HubErrorCode} or a newer code
     * @param field   the offending field, e.g. {@code MessageHeader/To[2]/OrganId}; may be null
     * @param rule    the rule it breaks, e.g. {@code known-recipient}; may be null
     * @param message a human-readable explanation, shown to the caller
     */
    public HubRejection(String code, String field, String rule, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.rule = rule;
    }

    public HubRejection(HubErrorCode code, String field, String rule, String message) {
        this(code.name(), field, rule, message);
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
}
