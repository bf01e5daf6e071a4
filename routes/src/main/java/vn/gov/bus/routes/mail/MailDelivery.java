package vn.gov.bus.routes.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Arrays;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.MailComposer;
import vn.gov.bus.connectors.mail.MailRejectedException;
import vn.gov.bus.connectors.mail.MailTransientException;
import vn.gov.bus.connectors.mail.SmtpMailSender;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlDates;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DeliveryKey;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DeliveryLedger.Claim;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.DeliveryAttempts;
import vn.gov.bus.routes.delivery.DeliveryInProgressException;

/**
 * Mails a signed package to one MAIL-channel recipient, once per (document, recipient): the ledger
 * is claimed before the SMTP transaction and marked delivered after it. SMTP cannot be asked
 * afterwards whether a mail went out, so a send interrupted by a crash is sent again after
 * bus.mail.in-flight-timeout — with the same Message-ID, by which mail clients and the recipient's
 * server recognise the second copy.
 */
@Component
public class MailDelivery {

    static final String ROUTE_ID = "deliver-mail";
    /** Set by Artemis on every delivery: 1 for the first, counted across restarts. */
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final EdxmlReader reader;
    private final AgencyDirectory directory;
    private final DeliveryLedger ledger;
    private final MailRendering rendering;
    private final MailComposer composer;
    private final SmtpMailSender sender;
    private final DeliveryFailureNotices failures;
    private final AuditTrail audit;
    private final MailChannelSettings settings;
    private final Clock clock;
    private final DeliveryAttempts attempts;
    private final String queue;

    public MailDelivery(EdxmlReader reader, AgencyDirectory directory, DeliveryLedger ledger, MailRendering rendering,
                        MailComposer composer, SmtpMailSender sender, DeliveryFailureNotices failures,
                        AuditTrail audit, MailChannelSettings settings, Clock clock,
                        DeliveryAttempts attempts,
                        @Value("${bus.queues.deliver-mail:bus.deliver.mail}") String queue) {
        this.reader = reader;
        this.directory = directory;
        this.ledger = ledger;
        this.rendering = rendering;
        this.composer = composer;
        this.sender = sender;
        this.failures = failures;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.attempts = attempts;
        this.queue = queue;
    }

    public void deliver(@Body byte[] pkg,
                        @Header(BusHeaders.RECIPIENTS) String recipients,
                        @Header(BusHeaders.MESSAGE_ID) String messageId,
                        @Header(BusHeaders.SENDER_ID) String senderId,
                        @Header(BusHeaders.DOCUMENT_ID) String documentId,
                        @Header(BusHeaders.MESSAGE_TYPE) String messageType,
                        @Header(BusHeaders.DEDUP_KEY) String dedupKey,
                        @Header(DELIVERY_COUNT) Integer deliveryCount) {
        EdocPackage parsed = reader.read(pkg);
        // the broker's last attempt: a temporary failure now is final, and the sender must hear of it
        boolean lastAttempt = deliveryCount != null && deliveryCount >= attempts.of(queue);
        for (String recipient : Arrays.asList(recipients.split(","))) {
            DeliveryKey key = new DeliveryKey(senderId, dedupKey, recipient);
            ledger.register(key, documentId, messageType, Channel.MAIL, messageId);
            Claim claim = ledger.claim(key, settings.inFlightTimeout());
            switch (claim) {
                case DELIVERED -> {
                    log.info("{} {} of {} already mailed to {}; not sent again", messageType, documentId, senderId,
                            recipient);
                    continue;
                }
                case BUSY -> throw new DeliveryInProgressException(
                        "a mail of " + documentId + " to " + recipient + " is being sent elsewhere");
                case AFTER_INTERRUPTION -> log.warn("{} {} of {} to {}: an earlier send was interrupted; sending again "
                        + "with the same Message-ID", messageType, documentId, senderId, recipient);
                case FRESH -> { }
            }
            send(parsed, pkg, key, recipient, messageId, documentId, messageType, lastAttempt ? deliveryCount : 0);
        }
    }

    private void send(EdocPackage parsed, byte[] pkg, DeliveryKey key, String recipient, String messageId,
                      String documentId, String messageType, int finalAttempt) {
        try {
            sendOnce(parsed, pkg, key, recipient, messageId, documentId, messageType, finalAttempt);
        } catch (MailRejectedException e) {
            failures.failed(new DeliveryFailureNotices.Failure(key.senderId(), key.dedupKey(), documentId, messageType,
                    MailRendering.code(parsed), parsed.promulgationDate().map(EdxmlDates::formatDate).orElse(null),
                    recipient, e.getMessage(), ROUTE_ID, false));
            throw e;
        }
    }

    private void sendOnce(EdocPackage parsed, byte[] pkg, DeliveryKey key, String recipient, String messageId,
                          String documentId, String messageType, int finalAttempt) {
        try {
            Agency agency = directory.find(recipient).filter(a -> a.mail() != null && !a.mail().isBlank())
                    .orElseThrow(() -> new MailRejectedException("recipient " + recipient
                            + " has no mail address in the agency directory"));
            MimeMessage mail = composer.compose(rendering.render(parsed, pkg, agency, messageId, key.senderId(),
                    key.dedupKey(), clock.instant()));
            sender.send(mail);
            String mailId = rendering.messageIdOf(key.senderId(), key.dedupKey(), recipient);
            ledger.markDelivered(key, mailId);
            audit.record(AuditEvent.of(AuditStep.DELIVERED).messageId(messageId).documentId(documentId)
                    .routeId(ROUTE_ID).senderId(key.senderId()).recipientId(recipient)
                    .detail("mailed to " + agency.mail() + " as <" + mailId + ">").build());
            log.info("{} {} of {} mailed to {} <{}> (Message-ID {})", messageType, documentId, key.senderId(),
                    recipient, agency.mail(), mailId);
        } catch (MailTransientException e) {
            if (finalAttempt > 0) {
                // no cause: Camel matches onException on the cause chain from the root, and the
                // transient cause would pick the retry policy again
                throw new MailRejectedException("gave up after " + finalAttempt + " attempts: " + e.getMessage());
            }
            // the server may have taken the mail before the connection broke: the same Message-ID next time
            ledger.recordFailure(key, e.getMessage(), false);
            throw e;
        }
    }
}
