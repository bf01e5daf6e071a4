package vn.gov.bus.routes.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisRejectedException;
import vn.gov.bus.connectors.axis.AxisSendResult;
import vn.gov.bus.connectors.axis.AxisSentItem;
import vn.gov.bus.connectors.axis.AxisTransientException;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DeliveryKey;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DeliveryLedger.Claim;
import vn.gov.bus.routes.BusHeaders;

/**
 * Sends a signed package to the national axis exactly once per (document, recipient).
 * The ledger is claimed (SENDING) before the HTTP call. If the bus dies or the call times out
 * before DELIVERED is recorded, the next attempt finds the claim interrupted and asks the axis
 * (getSentEdocList) whether the package arrived, instead of sending it a second time.
 */
@Component
public class AxisDelivery {

    private static final Logger log = LoggerFactory.getLogger(AxisDelivery.class);

    private final AxisClient axis;
    private final DeliveryLedger ledger;
    private final Duration inFlightTimeout;
    private final AuditTrail audit;

    public AxisDelivery(AxisClient axis, DeliveryLedger ledger,
                        @Value("${bus.axis.in-flight-timeout:2m}") Duration inFlightTimeout, AuditTrail audit) {
        this.axis = axis;
        this.ledger = ledger;
        this.inFlightTimeout = inFlightTimeout;
        this.audit = audit;
    }

    public void deliver(@Body byte[] pkg,
                        @Header(BusHeaders.RECIPIENTS) String recipients,
                        @Header(BusHeaders.MESSAGE_ID) String messageId,
                        @Header(BusHeaders.SENDER_ID) String senderId,
                        @Header(BusHeaders.DOCUMENT_ID) String documentId,
                        @Header(BusHeaders.MESSAGE_TYPE) String messageType,
                        @Header(BusHeaders.DEDUP_KEY) String dedupKey,
                        @Header(BusHeaders.REPLAY_FORCE) Boolean force,
                        @Header(BusHeaders.CORRELATION_ID) String correlationId) {
        AuditEvent.Builder event = AuditEvent.of(AuditStep.DELIVERED).routeId("deliver-axis").messageId(messageId)
                .documentId(documentId).senderId(senderId).correlationId(correlationId).actor("bus").payload(pkg);
        List<DeliveryKey> claimed = new ArrayList<>();
        boolean interrupted = false;
        for (String recipient : Arrays.asList(recipients.split(","))) {
            DeliveryKey key = new DeliveryKey(senderId, dedupKey, recipient);
            // The dispatcher registered this delivery; if the row is missing its history is unknown
            // (e.g. a database restored from backup), so it is treated like an interrupted send.
            boolean historyUnknown = ledger.register(key, documentId, messageType, Channel.AXIS, messageId);
            Claim claim = ledger.claim(key, inFlightTimeout);
            if (historyUnknown && claim == Claim.FRESH) {
                claim = Claim.AFTER_INTERRUPTION;
            }
            if (claim == Claim.DELIVERED && Boolean.TRUE.equals(force) && ledger.forceClaim(key)) {
                // an operator's forced replay: one more send, not checked against the axis's list
                claim = Claim.FRESH;
            }
            switch (claim) {
                case DELIVERED -> {
                    log.info("{} of {} already delivered to {} through the axis; not sent again",
                            documentId, senderId, recipient);
                    audit.handOver(event.recipientId(recipient)
                            .outcome(correlationId != null ? AuditOutcome.REFUSED : AuditOutcome.WARNING)
                            .detail(correlationId != null ? "already delivered; a replay without force does not "
                                    + "deliver it again" : "already delivered; not sent again").build());
                }
                case BUSY -> throw new DeliveryInProgressException(
                        "a send of " + documentId + " to " + recipient + " is in progress elsewhere");
                case FRESH -> claimed.add(key);
                case AFTER_INTERRUPTION -> {
                    claimed.add(key);
                    interrupted = true;
                }
            }
        }
        if (claimed.isEmpty()) {
            return;
        }
        try {
            if (interrupted) {
                String remoteId = alreadyOnAxis(dedupKey, documentId, messageType);
                if (remoteId != null) {
                    log.info("{} of {} had reached the axis before an interruption (axis id {}); recorded, not resent",
                            documentId, senderId, remoteId);
                    claimed.forEach(key -> ledger.markDelivered(key, remoteId));
                    claimed.forEach(key -> audit.handOver(event.recipientId(key.recipientId())
                            .detail("found on the axis (id " + remoteId + ") after an interrupted send; not resent")
                            .build()));
                    return;
                }
            }
            AxisSendResult result = axis.sendEdoc(pkg, "STATUS".equals(messageType) ? "status" : "edoc");
            claimed.forEach(key -> ledger.markDelivered(key, result.docId()));
            // handed over, not waited for: see docs/auditing.md, "Durability" (queue consumers)
            claimed.forEach(key -> audit.handOver(event.recipientId(key.recipientId())
                    .detail("axis id " + result.docId() + (Boolean.TRUE.equals(force) ? " (forced replay)" : ""))
                    .build()));
            log.info("{} {} of {} delivered to the axis for {} (axis id {})", messageType, documentId, senderId,
                    recipients, result.docId());
        } catch (AxisTransientException e) {
            claimed.forEach(key -> ledger.recordFailure(key, e.getMessage(), false));
            throw e;
        } catch (AxisRejectedException e) {
            claimed.forEach(key -> ledger.recordFailure(key, e.getMessage(), true));
            throw e;
        }
    }

    /** The axis id of a package the axis already holds from us, or null. */
    private String alreadyOnAxis(String dedupKey, String documentId, String messageType) {
        if (!"EDOC".equals(messageType)) {
            // The axis lists documents, not status packages; a status is small and idempotent for
            // its recipient (same document, code and time), so resending it is the safe choice.
            return null;
        }
        return axis.getSentEdocList(documentId).stream()
                .filter(item -> dedupKey.equals(item.documentId()))
                .map(AxisSentItem::docId)
                .findFirst().orElse(null);
    }
}
