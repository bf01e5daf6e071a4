package vn.gov.bus.routes.mail;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.DeliveryReport;

/**
 * A bounce (delivery status notification) of a mail the bus sent: when it reports a permanent
 * failure and carries the bus's headers of the original, the delivery is marked FAILED and the
 * sender told, as for an SMTP refusal. A report of a delay is logged only: the server still tries.
 */
@Component
public class MailBounces {

    private static final Logger log = LoggerFactory.getLogger(MailBounces.class);

    private final DeliveryFailureNotices failures;
    private final MailRendering rendering;

    public MailBounces(DeliveryFailureNotices failures, MailRendering rendering) {
        this.failures = failures;
        this.rendering = rendering;
    }

    /** @return what was done, in words for the mail receipt */
    public String handle(DeliveryReport report, String bounceFrom) {
        Map<String, String> h = report.originalHeaders();
        String senderId = h.get(MailHeaders.SENDER_ID);
        String dedupKey = h.get(MailHeaders.DEDUP_KEY);
        String recipientId = h.get(MailHeaders.RECIPIENT_ID);
        if (senderId == null || dedupKey == null || recipientId == null) {
            log.warn("mail: a delivery report from {} names no mail of the bus ({}); kept as processed", bounceFrom,
                    report.describe());
            return "report about a mail the bus does not know: " + report.describe();
        }
        // a report must return the Message-ID the bus wrote for that very delivery
        String expected = rendering.messageIdOf(senderId, dedupKey, recipientId);
        if (!expected.equals(report.originalMessageId())) {
            log.warn("mail: a delivery report from {} names delivery ({}, {}, {}) but Message-ID {} instead of {};"
                    + " ignored", bounceFrom, senderId, dedupKey, recipientId, report.originalMessageId(), expected);
            return "report ignored: its Message-ID does not match the delivery it names";
        }
        if (!report.failed()) {
            log.info("mail: delivery of {} to {} is delayed ({}); the mail server keeps trying",
                    h.get(MailHeaders.DOCUMENT_ID), recipientId, report.describe());
            return "delay reported: " + report.describe();
        }
        failures.failed(new DeliveryFailureNotices.Failure(senderId, dedupKey, h.get(MailHeaders.DOCUMENT_ID),
                h.getOrDefault(MailHeaders.MESSAGE_TYPE, "EDOC"), h.get(MailHeaders.CODE),
                h.get(MailHeaders.PROMULGATION_DATE), recipientId,
                "the mail server returned the mail as undeliverable: " + report.describe(), MailIncomingPoller.ROUTE_ID,
                true));
        return "failure reported: " + report.describe();
    }
}
