package vn.gov.bus.routes.mail;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.MailParser;
import vn.gov.bus.connectors.mail.MailRejectedInputException;
import vn.gov.bus.connectors.mail.ReceivedMail;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.QuarantineReview;
import vn.gov.bus.core.state.QuarantineReview.Decision;
import vn.gov.bus.core.state.QuarantineReview.Item;

/**
 * What an operator decides about a quarantined item. Accepting a mail names the sender agency
 * (the mail's address may be unknown to the directory): the mail becomes a package from that
 * agency and follows the incoming flow. Rejecting keeps it quarantined for the record. Both are
 * audited with who decided. Accepting queues first and records the decision after, so a crash in
 * between lets the operator accept again; the package is the same document (its DocumentId
 * derives from the Message-ID) and the pending box keeps one copy.
 */
@Component
public class QuarantineDecisions {

    private static final Logger log = LoggerFactory.getLogger(QuarantineDecisions.class);

    private final QuarantineReview review;
    private final AgencyDirectory directory;
    private final MailParser parser;
    private final MailIntake intake;
    private final MailIncomingQueue queue;
    private final AuditTrail audit;

    public QuarantineDecisions(QuarantineReview review, AgencyDirectory directory, MailParser parser,
                               MailIntake intake, MailIncomingQueue queue, AuditTrail audit) {
        this.review = review;
        this.directory = directory;
        this.parser = parser;
        this.intake = intake;
        this.queue = queue;
        this.audit = audit;
    }

    public Item accept(String quarantineId, String senderOrganId, String actor) {
        Item item = undecided(quarantineId);
        if (!MailIncomingPoller.SOURCE.equals(item.source())) {
            throw new QuarantineDecisionException(QuarantineDecisionException.Kind.CONFLICT, "id", "mail-item",
                    "item " + quarantineId + " came from " + item.source()
                            + "; only quarantined mails can be accepted here",
                    "mục " + quarantineId + " không phải thư điện tử bị cách ly; chỉ thư mới được chấp nhận tại đây");
        }
        if ("MAIL_TOO_LARGE".equals(item.reasonCode())) {
            throw new QuarantineDecisionException(QuarantineDecisionException.Kind.CONFLICT, "id", "downloaded",
                    "the mail was over the size limit and was not downloaded (only its headers are kept): ask the"
                            + " sender to send it in smaller parts, or raise bus.mail.incoming.max-size and move it"
                            + " back to the inbox",
                    "thư vượt quá dung lượng cho phép nên chưa được tải về (chỉ giữ phần tiêu đề): đề nghị nơi gửi"
                            + " chia nhỏ rồi gửi lại");
        }
        Agency sender = directory.find(senderOrganId).orElseThrow(() -> new QuarantineDecisionException(
                QuarantineDecisionException.Kind.INVALID, "senderOrganId", "in-directory",
                "agency " + senderOrganId + " is not in the directory",
                "cơ quan " + senderOrganId + " không có trong danh bạ"));
        byte[] raw = review.content(quarantineId).orElseThrow();
        ReceivedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MailRejectedInputException e) {
            throw new QuarantineDecisionException(QuarantineDecisionException.Kind.CONFLICT, "id", "readable",
                    "the quarantined mail cannot be read: " + e.getMessage(),
                    "không đọc được thư bị cách ly: " + e.getMessage());
        }
        MailVerdict verdict = intake.judge(mail, item.receivedAt(), item.remoteId(), Optional.of(sender));
        if (!verdict.accepted()) {
            throw new QuarantineDecisionException(QuarantineDecisionException.Kind.CONFLICT, "id", "deliverable",
                    "the mail cannot be delivered even when accepted: " + verdict.reasonCode() + ": " + verdict.reason(),
                    "thư vẫn không chuyển được dù được chấp nhận: " + verdict.reasonCode());
        }
        String messageId = queue.enqueue(verdict);
        review.decide(quarantineId, Decision.ACCEPTED, sender.organId(), actor, null, messageId);
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).actor(actor).messageId(messageId)
                .documentId(verdict.parsed().documentId()).senderId(sender.organId()).correlationId(quarantineId)
                .detail("accepted quarantined mail " + quarantineId + " (" + item.reasonCode() + ") as sent by "
                        + sender.organId()).build());
        log.info("quarantine: {} accepted by {} as sent by {}; queued as message {}", quarantineId, actor,
                sender.organId(), messageId);
        return review.find(quarantineId).orElseThrow();
    }

    public Item reject(String quarantineId, String reason, String actor) {
        undecided(quarantineId);
        if (reason == null || reason.isBlank()) {
            throw new QuarantineDecisionException(QuarantineDecisionException.Kind.INVALID, "reason", "required",
                    "a rejection needs a reason", "từ chối phải ghi rõ lý do");
        }
        if (!review.decide(quarantineId, Decision.REJECTED, null, actor, reason, null)) {
            throw alreadyDecided(quarantineId);
        }
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).actor(actor).correlationId(quarantineId)
                .detail("rejected quarantined item " + quarantineId + ": " + reason).build());
        log.info("quarantine: {} rejected by {}: {}", quarantineId, actor, reason);
        return review.find(quarantineId).orElseThrow();
    }

    private Item undecided(String quarantineId) {
        Item item = review.find(quarantineId).orElseThrow(() -> new QuarantineDecisionException(
                QuarantineDecisionException.Kind.NOT_FOUND, "id", "exists", "no quarantined item " + quarantineId,
                "không có mục cách ly " + quarantineId));
        if (item.decision() != null) {
            throw alreadyDecided(quarantineId);
        }
        return item;
    }

    private QuarantineDecisionException alreadyDecided(String id) {
        Item item = review.find(id).orElseThrow();
        return new QuarantineDecisionException(QuarantineDecisionException.Kind.CONFLICT, "id", "undecided",
                "item " + id + " was " + item.decision() + " by " + item.actor() + " at " + item.decidedAt(),
                "mục " + id + " đã được " + item.actor() + " xử lý (" + item.decision() + ") lúc " + item.decidedAt());
    }
}
