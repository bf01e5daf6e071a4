package vn.gov.bus.connectors.mail;

import java.util.Map;

/**
 * A delivery status notification (RFC 3464 multipart/report, or a mailer-daemon bounce that
 * returns the original headers) about a mail the bus sent. {@code originalHeaders} are the
 * X-Bus-* headers of the returned original (decoded), which name the document and the recipient.
 *
 * @param status     the enhanced status code (e.g. 5.1.1), or null when the report has none
 * @param diagnostic the remote server's words (Diagnostic-Code), or the bounce's text
 */
public record DeliveryReport(String action, String status, String finalRecipient, String diagnostic,
                             String originalMessageId, Map<String, String> originalHeaders) {

    public DeliveryReport {
        originalHeaders = Map.copyOf(originalHeaders);
    }

    /** Permanent failure (Action: failed, or a 5.x.x status); delays (4.x.x, delayed) are not failures. */
    public boolean failed() {
        if (action != null) {
            return "failed".equalsIgnoreCase(action.strip());
        }
        return status == null || status.strip().startsWith("5");
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        if (finalRecipient != null) {
            text.append("recipient ").append(finalRecipient);
        }
        if (status != null) {
            text.append(text.isEmpty() ? "" : ", ").append("status ").append(status);
        }
        if (diagnostic != null) {
            text.append(text.isEmpty() ? "" : ": ").append(diagnostic);
        }
        return text.isEmpty() ? "the mail server reported the mail undeliverable" : text.toString();
    }
}
