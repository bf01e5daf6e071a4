package vn.gov.bus.routes.delivery;

import java.util.Arrays;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DeliveryKey;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.PendingBox;
import vn.gov.bus.routes.BusHeaders;

/**
 * Puts a signed package into local recipients' pending boxes. The box refuses a second deposit of
 * the same (recipient, sender, key), so a JMS redelivery after a crash cannot duplicate it; only a
 * replay an operator forces offers the entry again. A take-back (revocation, status 13) of a
 * document still undelivered in a box settles it there instead (see {@link Revocations}).
 */
@Component
public class LocalDelivery {

    private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);

    private final PendingBox pendingBox;
    private final DeliveryLedger ledger;
    private final EdxmlReader reader;
    private final Revocations revocations;
    private final AuditTrail audit;

    public LocalDelivery(PendingBox pendingBox, DeliveryLedger ledger, EdxmlReader reader, Revocations revocations,
                         AuditTrail audit) {
        this.pendingBox = pendingBox;
        this.ledger = ledger;
        this.reader = reader;
        this.revocations = revocations;
        this.audit = audit;
    }

    /** The deliver-local route's entry: headers of the channel message, force and correlation of a replay. */
    public void deliverQueued(@Body byte[] pkg,
                              @Header(BusHeaders.RECIPIENTS) String recipients,
                              @Header(BusHeaders.MESSAGE_ID) String messageId,
                              @Header(BusHeaders.SENDER_ID) String senderId,
                              @Header(BusHeaders.DOCUMENT_ID) String documentId,
                              @Header(BusHeaders.MESSAGE_TYPE) String messageType,
                              @Header(BusHeaders.DEDUP_KEY) String dedupKey,
                              @Header(BusHeaders.REPLAY_FORCE) Boolean force,
                              @Header(BusHeaders.CORRELATION_ID) String correlationId) {
        deliver(pkg, recipients, messageId, senderId, documentId, messageType, dedupKey, "deliver-local",
                Boolean.TRUE.equals(force), correlationId);
    }

    /** Delivery of a package received from the axis (incoming-dispatch). */
    public void deliver(byte[] pkg, String recipients, String messageId, String senderId, String documentId,
                        String messageType, String dedupKey) {
        deliver(pkg, recipients, messageId, senderId, documentId, messageType, dedupKey, "incoming-dispatch", false,
                null);
    }

    private void deliver(byte[] pkg, String recipients, String messageId, String senderId, String documentId,
                         String messageType, String dedupKey, String routeId, boolean force, String correlationId) {
        Optional<Revocations.TakeBack> takeBack = Revocations.of(reader.read(pkg), senderId, documentId);
        for (String recipient : Arrays.asList(recipients.split(","))) {
            DeliveryKey key = new DeliveryKey(senderId, dedupKey, recipient);
            ledger.register(key, documentId, messageType, Channel.LOCAL, messageId);
            if (takeBack.isPresent() && revocations.settle(recipient, takeBack.get(), messageId, routeId)) {
                ledger.markDelivered(key, null);
                log.info("{} {} of {} settled in the pending box of {}: the document it takes back was withdrawn"
                        + " undelivered, so the take-back is not handed over", messageType, documentId, senderId,
                        recipient);
                continue;
            }
            AuditEvent.Builder event = AuditEvent.of(AuditStep.DELIVERED).routeId(routeId).messageId(messageId)
                    .documentId(documentId).senderId(senderId).recipientId(recipient).correlationId(correlationId)
                    .actor("bus").payload(pkg);
            Optional<String> entry;
            if (force) {
                entry = pendingBox.redeposit(recipient, senderId, documentId, dedupKey, messageType, messageId, pkg);
                if (entry.isPresent()) {
                    event.detail("forced replay: offered again in the pending box as entry " + entry.get());
                } else {
                    event.outcome(AuditOutcome.REFUSED).detail("forced replay refused: its sender took the document"
                            + " back before it was delivered (withdrawn entry); a replay does not undo a take-back");
                }
            } else {
                entry = pendingBox.deposit(recipient, senderId, documentId, dedupKey, messageType, messageId, pkg);
                if (entry.isPresent()) {
                    event.detail("pending box entry " + entry.get());
                } else if (correlationId != null) {
                    event.outcome(AuditOutcome.REFUSED).detail("already in the pending box; a replay without force "
                            + "does not deliver it again");
                } else {
                    event.outcome(AuditOutcome.WARNING).detail("already in the pending box; not added twice");
                }
            }
            ledger.markDelivered(key, entry.orElse(null));
            // handed over, not waited for: see docs/auditing.md, "Durability" (queue consumers)
            audit.handOver(event.build());
            if (entry.isPresent()) {
                log.info("{} {} of {} is in the pending box of {}", messageType, documentId, senderId, recipient);
            } else {
                log.info("{} {} of {} was already in the pending box of {}; not added twice", messageType,
                        documentId, senderId, recipient);
            }
        }
    }
}
