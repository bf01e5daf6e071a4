package vn.gov.bus.routes.incoming;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisException;
import vn.gov.bus.connectors.axis.AxisListItem;
import vn.gov.bus.connectors.axis.AxisProtocol;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.state.InboundReceipts;
import vn.gov.bus.core.state.MessageRegistry;
import vn.gov.bus.core.state.Quarantine;
import vn.gov.bus.core.state.Tokens;
import vn.gov.bus.core.tracking.StatusLog;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.BusMdc;
import vn.gov.bus.routes.DeliveryKeys;
import vn.gov.bus.routes.StatusDocuments;

/**
 * One poll of the axis for packages waiting for this system: documents first, then statuses.
 * Each package is downloaded, checked, and either queued durably on the incoming queue or
 * quarantined, and only then acknowledged ({@code done} or {@code fail} with the reason). Until
 * the acknowledgement the axis keeps offering the package, so every step before it is safe to
 * repeat: the quarantine keeps one row per remote package, and an accepted package found in the
 * inbound receipts is acknowledged again without being queued again.
 */
@Component
public class AxisIncomingPoller {

    public static final String SOURCE = "AXIS";

    private static final Logger log = LoggerFactory.getLogger(AxisIncomingPoller.class);

    private final AxisClient axis;
    private final InboundPackageCheck check;
    private final InboundReceipts receipts;
    private final Quarantine quarantine;
    private final MessageRegistry registry;
    private final StatusLog statusLog;
    private final StatusDocuments statusDocuments;
    private final ProducerTemplate producer;
    private final AuditTrail audit;

    public AxisIncomingPoller(AxisClient axis, InboundPackageCheck check, InboundReceipts receipts,
                              Quarantine quarantine, MessageRegistry registry, StatusLog statusLog,
                              StatusDocuments statusDocuments, ProducerTemplate producer, AuditTrail audit) {
        this.audit = audit;
        this.axis = axis;
        this.check = check;
        this.receipts = receipts;
        this.quarantine = quarantine;
        this.registry = registry;
        this.statusLog = statusLog;
        this.statusDocuments = statusDocuments;
        this.producer = producer;
    }

    public void poll() {
        for (String messageType : List.of(AxisProtocol.MESSAGE_TYPE_EDOC, AxisProtocol.MESSAGE_TYPE_STATUS)) {
            List<AxisListItem> items;
            try {
                items = axis.getReceivedEdocList(messageType);
            } catch (AxisException e) {
                log.warn("axis: cannot list received {} packages ({}); retrying at the next poll", messageType,
                        e.getMessage());
                return;
            }
            for (AxisListItem item : items) {
                // Already refused by us: the axis keeps listing it until the sender sees the failure.
                if (AxisProtocol.TRANSPORT_FAIL.equals(item.status())) {
                    continue;
                }
                try {
                    receive(item, messageType);
                } catch (AxisException e) {
                    log.warn("axis: {} package {} from {} not received this time ({}); retrying at the next poll",
                            messageType, item.id(), item.from(), e.getMessage());
                } catch (RuntimeException e) {
                    // e.g. the broker or the database is unavailable: nothing was acknowledged
                    log.warn("{} package {} from {} not received this time; retrying at the next poll", messageType,
                            item.id(), item.from(), e);
                }
            }
        }
    }

    private void receive(AxisListItem item, String axisMessageType) {
        byte[] pkg = axis.getEdoc(item.id());
        InboundVerdict verdict = check.check(pkg);
        if (verdict.accepted()) {
            accept(item, pkg, verdict);
        } else {
            refuse(item, axisMessageType, pkg, verdict);
        }
    }

    private void accept(AxisListItem item, byte[] pkg, InboundVerdict verdict) {
        EdocPackage parsed = verdict.parsed();
        String senderId = parsed.fromOrganId();
        // the check matched a status without DocumentId to its document: resolving again finds the same one
        String documentId = statusDocuments.documentIdOf(parsed, senderId).orElseThrow();
        String dedupKey = DeliveryKeys.dedupKeyOf(parsed, documentId);
        String type = parsed.kind().name();
        Optional<String> earlier = receipts.acceptedAs(senderId, dedupKey);
        if (earlier.isPresent()) {
            axis.updateStatus(item.id(), AxisProtocol.TRANSPORT_DONE, null);
            log.info("axis: {} {} of {} (axis id {}) was received before as message {}; acknowledged, not queued "
                    + "again", type, documentId, senderId, item.id(), earlier.get());
            return;
        }
        String messageId = UUID.randomUUID().toString();
        try (BusMdc ids = BusMdc.with(messageId, documentId)) {
            queue(item, pkg, verdict, parsed, senderId, documentId, dedupKey, type, messageId);
        }
    }

    private void queue(AxisListItem item, byte[] pkg, InboundVerdict verdict, EdocPackage parsed, String senderId,
                       String documentId, String dedupKey, String type, String messageId) {
        Map<String, Object> headers = BusHeaders.of(messageId, documentId, senderId, type, dedupKey);
        headers.put(BusHeaders.VERIFICATION, verdict.verification());
        // Queue first, record second, acknowledge last: a crash after the send re-queues the package
        // at the next poll (the pending box refuses the second copy); the other order could lose it.
        Instant acceptedAt = Instant.now(); // before the send: incoming-dispatch may deliver before it returns
        producer.sendBodyAndHeaders(AxisIncomingPollRoute.ENQUEUE, pkg, headers);
        receipts.record(senderId, dedupKey, documentId, type, SOURCE, item.id(), messageId, verdict.verification());
        registry.record(messageId, "INCOMING", type, documentId, senderId, parsed.subject(), Tokens.sha256Hex(pkg),
                acceptedAt);
        if (parsed.kind() == EdocPackage.Kind.STATUS) {
            statusLog.record(StatusLog.Status.of(parsed, senderId, documentId, dedupKey, "INCOMING", messageId),
                    acceptedAt);
        } else {
            statusDocuments.recordCode(parsed, senderId, documentId);
        }
        axis.updateStatus(item.id(), AxisProtocol.TRANSPORT_DONE, null);
        // VERIFIED and QUEUED were recorded when the package reached the incoming queue
        audit.handOver(AuditEvent.of(AuditStep.ACKNOWLEDGED).routeId("axis-incoming-poll").messageId(messageId)
                .documentId(documentId).senderId(senderId).actor("bus").origin("axis id " + item.id())
                .detail(AxisProtocol.TRANSPORT_DONE).build());
        log.info("axis: received {} {} of {} (axis id {}) as message {}: {}", type, documentId, senderId, item.id(),
                messageId, verdict.verification());
    }

    private void refuse(AxisListItem item, String axisMessageType, byte[] pkg, InboundVerdict verdict) {
        EdocPackage parsed = verdict.parsed();
        String senderId = parsed != null && parsed.fromOrganId() != null ? parsed.fromOrganId() : item.from();
        String documentId = parsed == null ? null : DeliveryKeys.documentIdOf(parsed);
        String type = parsed == null ? axisMessageType.toUpperCase(Locale.ROOT) : parsed.kind().name();
        String quarantineId = quarantine.put(SOURCE, item.id(), senderId, documentId, type, verdict.reasonCode(),
                verdict.reason(), pkg);
        String reason = verdict.reasonCode() + ": " + verdict.reason();
        audit.record(AuditEvent.of(AuditStep.QUARANTINED).outcome(AuditOutcome.REFUSED).routeId("axis-incoming-poll")
                .documentId(documentId).senderId(senderId).actor("bus").origin("axis id " + item.id())
                .detail("quarantine " + quarantineId + ": " + reason).payload(pkg).build());
        axis.updateStatus(item.id(), AxisProtocol.TRANSPORT_FAIL, Quarantine.cut(reason));
        audit.record(AuditEvent.of(AuditStep.ACKNOWLEDGED).outcome(AuditOutcome.REFUSED).routeId("axis-incoming-poll")
                .documentId(documentId).senderId(senderId).actor("bus").origin("axis id " + item.id())
                .detail(AxisProtocol.TRANSPORT_FAIL + ": " + reason).build());
        log.warn("axis: refused {} {} of {} (axis id {}), quarantined as {}: {}", type, documentId, senderId,
                item.id(), quarantineId, reason);
    }
}
