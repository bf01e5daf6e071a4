package vn.gov.bus.connectors.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mail the bus sends on behalf of a document's sender: addresses and names, the subject, the
 * plain-text body, the files, and the bus's correlation headers (X-Bus-*), which a bounce brings
 * back so that the failure can be put on the right document.
 *
 * @param messageId the Message-ID to use (without angle brackets): stable per (document,
 *                  recipient), so a resend after a crash is recognisable as the same mail
 */
public record OfficialMail(String messageId, String fromAddress, String fromName, String toAddress, String toName,
                           String subject, String body, Instant sentAt, List<MailAttachment> attachments,
                           Map<String, String> busHeaders) {

    public OfficialMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sentAt, "sentAt");
        attachments = List.copyOf(attachments);
        busHeaders = Map.copyOf(busHeaders);
    }
}
