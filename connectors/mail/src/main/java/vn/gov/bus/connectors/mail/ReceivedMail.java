package vn.gov.bus.connectors.mail;

import java.time.Instant;
import java.util.List;

/**
 * A received mail as the bus understands it, whatever its MIME shape: who sent it to whom, the
 * decoded subject, the text, the files (from every nesting level, forwarded messages included),
 * the S/MIME integrity check, and, for a delivery status notification, the failure it reports.
 *
 * @param fromAddress   the sender's address (lower case), or null when From is missing or unreadable
 * @param recipients    To and Cc addresses (lower case)
 * @param attachments   files, in order of appearance; inline images are included, flagged inline
 * @param forwarded     how many forwarded messages (message/rfc822) were opened
 * @param bounce        the report, when the mail is a bounce of a mail the bus sent; else null
 */
public record ReceivedMail(String messageId, String fromAddress, String fromName, List<String> recipients,
                           String subject, Instant sentAt, String text, List<MailAttachment> attachments,
                           int forwarded, SmimeCheck smime, DeliveryReport bounce) {

    public ReceivedMail {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    /** Files the sender meant to send: everything but inline images. */
    public List<MailAttachment> documents() {
        return attachments.stream().filter(a -> !a.inline()).toList();
    }
}
