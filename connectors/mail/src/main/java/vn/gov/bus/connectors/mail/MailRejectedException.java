package vn.gov.bus.connectors.mail;

/**
 * The mail cannot be sent and retrying will not change that: the server refused it permanently
 * (SMTP 5xx: unknown mailbox, message too large, policy) or the bus refused to write it.
 */
public class MailRejectedException extends RuntimeException {

    public MailRejectedException(String message) {
        super(message);
    }

    public MailRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
