package vn.gov.bus.connectors.mail;

/**
 * A received mail the bus will not take in as it is: too large, nested too deep, unreadable MIME.
 * {@link #code()} is stable (quarantine reason code); the message says precisely why.
 */
public class MailRejectedInputException extends RuntimeException {

    private final String code;

    public MailRejectedInputException(String code, String message) {
        super(message);
        this.code = code;
    }

    public MailRejectedInputException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
