package vn.gov.bus.connectors.mail;

/**
 * A value the bus was about to write into a mail header carries a line break or another control
 * character: written as it is, it would end the header and start new ones (Bcc:, a second body).
 * Refused, never repaired: the document's text is the sender's and must not be altered silently.
 */
public class MailHeaderInjectionException extends MailRejectedException {

    private final String field;

    public MailHeaderInjectionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Which header (or header parameter) the value was meant for. */
    public String field() {
        return field;
    }
}
