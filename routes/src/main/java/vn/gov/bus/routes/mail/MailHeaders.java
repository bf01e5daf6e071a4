package vn.gov.bus.routes.mail;

/**
 * The bus's own headers on the mails it sends. A bounce returns them, and they are all the bus
 * needs to put the failure on the right delivery and to tell the right sender.
 */
final class MailHeaders {

    static final String MESSAGE_ID = "X-Bus-Message-Id";
    static final String DOCUMENT_ID = "X-Bus-Document-Id";
    static final String SENDER_ID = "X-Bus-Sender-Id";
    static final String RECIPIENT_ID = "X-Bus-Recipient-Id";
    static final String DEDUP_KEY = "X-Bus-Dedup-Key";
    static final String MESSAGE_TYPE = "X-Bus-Message-Type";
    /** "number/notation" of the document, for the status that reports a failure. */
    static final String CODE = "X-Bus-Code";
    static final String PROMULGATION_DATE = "X-Bus-Promulgation-Date";

    private MailHeaders() {
    }
}
