package vn.gov.bus.connectors.mail;

/**
 * The mail server could not be reached or answered with a temporary failure (SMTP 4xx, a dropped
 * connection, a timeout): the same mail may succeed later.
 */
public class MailTransientException extends RuntimeException {

    public MailTransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
