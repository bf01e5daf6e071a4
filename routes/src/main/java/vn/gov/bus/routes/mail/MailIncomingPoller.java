package vn.gov.bus.routes.mail;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.FetchedMail;
import vn.gov.bus.connectors.mail.ImapMailbox;
import vn.gov.bus.connectors.mail.ImapMailbox.Disposition;
import vn.gov.bus.connectors.mail.MailParser;
import vn.gov.bus.connectors.mail.MailRejectedInputException;
import vn.gov.bus.connectors.mail.MailTransientException;
import vn.gov.bus.connectors.mail.ReceivedMail;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.state.MailReceipts;
import vn.gov.bus.core.state.MailReceipts.Outcome;
import vn.gov.bus.core.state.Quarantine;

/**
 * One poll of the official mailbox. Each mail is settled — its package committed to the durable
 * incoming queue, or the mail quarantined with the reason, or a bounce applied — and recorded by
 * Message-ID, and only then moved out of the inbox. Until it is moved the mailbox offers it again,
 * so every step before is safe to repeat: a mail found among the receipts is moved without being
 * queued again; a mail queued but not yet recorded (crash in between) is queued again as the same
 * document (its DocumentId derives from the Message-ID) and the pending box keeps one copy.
 */
@Component
public class MailIncomingPoller {

    public static final String SOURCE = "MAIL";
    static final String ROUTE_ID = "mail-incoming-poll";

    private static final Logger log = LoggerFactory.getLogger(MailIncomingPoller.class);

    private final ImapMailbox mailbox;
    private final MailParser parser;
    private final MailIntake intake;
    private final MailIncomingQueue queue;
    private final MailBounces bounces;
    private final MailReceipts receipts;
    private final Quarantine quarantine;
    private final AuditTrail audit;
    private final MailChannelSettings settings;
    private final int batch;

    public MailIncomingPoller(ImapMailbox mailbox, MailParser parser, MailIntake intake, MailIncomingQueue queue,
                              MailBounces bounces, MailReceipts receipts, Quarantine quarantine, AuditTrail audit,
                              MailChannelSettings settings,
                              @Value("${bus.mail.incoming.batch:50}") int batch) {
        this.mailbox = mailbox;
        this.parser = parser;
        this.intake = intake;
        this.queue = queue;
        this.bounces = bounces;
        this.receipts = receipts;
        this.quarantine = quarantine;
        this.audit = audit;
        this.settings = settings;
        this.batch = batch;
    }

    public void poll() {
        try {
            int settled = mailbox.poll(batch, this::take);
            if (settled > 0) {
                log.info("mail: {} mails taken from the mailbox", settled);
            }
        } catch (MailTransientException e) {
            log.warn("mail: cannot poll the mailbox ({}); retrying at the next poll", e.getMessage());
        }
    }

    /**
     * Settles one mail (the poll's handler; public so that the crash tests can run it and then
     * "crash" before the move). Everything that goes wrong leaves the mail in the inbox.
     */
    public Disposition take(FetchedMail mail) {
        try {
            return receive(mail);
        } catch (RuntimeException e) {
            // e.g. the broker or the database is unavailable: nothing was recorded or moved
            log.warn("mail: {} from {} not taken this time; retrying at the next poll", mail.messageId(), mail.from(),
                    e);
            return Disposition.KEEP;
        }
    }

    private Disposition receive(FetchedMail mail) {
        String key = MailReceipts.keyOf(mail.messageId(), mail.headers());
        Optional<MailReceipts.Receipt> earlier = receipts.find(key);
        if (earlier.isPresent()) {
            log.info("mail: {} from {} was taken before ({}); moved, not taken again", mail.messageId(), mail.from(),
                    earlier.get().outcome());
            return Disposition.SETTLED;
        }
        try {
            parser.checkSize(mail.size());
        } catch (MailRejectedInputException tooLarge) {
            // not downloaded: the quarantine keeps the headers, the mail stays in the processed folder
            quarantine(key, mail, null, mail.headers(), null, tooLarge.code(), tooLarge.getMessage());
            return Disposition.SETTLED;
        }
        byte[] raw = mail.raw();
        ReceivedMail parsed;
        try {
            parsed = parser.parse(raw);
        } catch (MailRejectedInputException refused) {
            quarantine(key, mail, null, raw, null, refused.code(), refused.getMessage());
            return Disposition.SETTLED;
        }
        if (settings.busAddress().equalsIgnoreCase(String.valueOf(parsed.fromAddress()))) {
            // the bus's own mail come back (a loop, a copy to self): never a document to take in
            receipts.record(key, mail.messageId(), parsed.fromAddress(), Outcome.IGNORED, null, null,
                    "sent by the bus's own address");
            return Disposition.SETTLED;
        }
        if (parsed.bounce() != null) {
            String what = bounces.handle(parsed.bounce(), parsed.fromAddress());
            receipts.record(key, mail.messageId(), parsed.fromAddress(), Outcome.BOUNCE, null, null, what);
            return Disposition.SETTLED;
        }
        MailVerdict verdict = intake.judge(parsed, mail.receivedAt(), key, Optional.empty());
        if (!verdict.accepted()) {
            quarantine(key, mail, parsed, raw, verdict.senderId(), verdict.reasonCode(), verdict.reason());
            return Disposition.SETTLED;
        }
        // Queue first, record second, move last: see the class comment for why this order.
        String messageId = queue.enqueue(verdict);
        receipts.record(key, mail.messageId(), parsed.fromAddress(), Outcome.QUEUED, messageId, null,
                verdict.verification());
        audit.record(AuditEvent.of(AuditStep.RECEIVED).messageId(messageId).documentId(verdict.parsed().documentId())
                .routeId(ROUTE_ID).senderId(verdict.senderId()).origin(parsed.fromAddress())
                .detail("mail " + mail.messageId() + ": " + verdict.verification()).build());
        log.info("mail: {} from {} ({}) queued as message {}: {}", mail.messageId(), parsed.fromAddress(),
                verdict.senderId(), messageId, verdict.verification());
        return Disposition.SETTLED;
    }

    private void quarantine(String key, FetchedMail mail, ReceivedMail parsed, byte[] kept, String senderId,
                            String code, String reason) {
        String quarantineId = quarantine.put(SOURCE, key, senderId, null, "EDOC", code, reason, kept);
        String from = parsed != null ? parsed.fromAddress() : mail.from();
        receipts.record(key, mail.messageId(), from, Outcome.QUARANTINED, null, quarantineId, code + ": " + reason);
        audit.record(AuditEvent.of(AuditStep.QUARANTINED).outcome(AuditOutcome.REFUSED).routeId(ROUTE_ID)
                .senderId(senderId).origin(from).correlationId(quarantineId)
                .detail("mail " + mail.messageId() + " quarantined: " + code + ": " + reason).build());
        log.warn("mail: {} from {} quarantined as {}: {}: {}", mail.messageId(), from, quarantineId, code, reason);
    }
}
