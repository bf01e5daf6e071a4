package vn.gov.bus.routes.hub;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.qlvb.SendReceipt;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.state.MessageRegistry;
import vn.gov.bus.core.state.Tokens;
import vn.gov.bus.core.tracking.StatusLog;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.BusMdc;
import vn.gov.bus.routes.DeliveryKeys;
import vn.gov.bus.routes.StatusDocuments;

/**
 * Puts an accepted package on the durable outgoing queue and records it; returns once the broker
 * has written it to its journal (a persistent, blocking JMS send). Used for what local systems
 * send and for the statuses the bus issues on their behalf.
 */
@Component
public class OutgoingQueue {

    private final ProducerTemplate producer;
    private final MessageRegistry registry;
    private final StatusLog statusLog;
    private final StatusDocuments statusDocuments;

    public OutgoingQueue(ProducerTemplate producer, MessageRegistry registry, StatusLog statusLog,
                         StatusDocuments statusDocuments) {
        this.producer = producer;
        this.registry = registry;
        this.statusLog = statusLog;
        this.statusDocuments = statusDocuments;
    }

    public SendReceipt enqueue(String organId, EdocPackage parsed, byte[] pkg, String dedupKey) {
        return enqueue(organId, parsed, pkg, DeliveryKeys.documentIdOf(parsed), dedupKey);
    }

    /** {@code documentId}: the package's, or for a status the answered one as resolved at entry. */
    public SendReceipt enqueue(String organId, EdocPackage parsed, byte[] pkg, String documentId, String dedupKey) {
        String messageId = UUID.randomUUID().toString();
        String type = parsed.kind().name();
        try (BusMdc ids = BusMdc.with(messageId, documentId)) {
            return enqueue(organId, parsed, pkg, documentId, dedupKey, messageId, type);
        }
    }

    private SendReceipt enqueue(String organId, EdocPackage parsed, byte[] pkg, String documentId, String dedupKey,
                                String messageId, String type) {
        Map<String, Object> headers = BusHeaders.of(messageId, documentId, organId, type, dedupKey);
        // Taken before the send: the dispatcher may route the package before the send returns, and
        // a document's timeline must not show it routed before it was received.
        Instant acceptedAt = Instant.now();
        producer.sendBodyAndHeaders(HubIngressRoute.ENDPOINT, pkg, headers);
        registry.record(messageId, "OUTGOING", type, documentId, organId, parsed.subject(),
                Tokens.sha256Hex(pkg), acceptedAt);
        if (parsed.kind() == EdocPackage.Kind.STATUS) {
            statusLog.record(StatusLog.Status.of(parsed, organId, documentId, dedupKey, "OUTGOING", messageId),
                    acceptedAt);
        } else {
            statusDocuments.recordCode(parsed, organId, documentId);
        }
        return new SendReceipt(messageId, documentId, acceptedAt);
    }

    public SendReceipt enqueue(String organId, IssuedStatus status) {
        return enqueue(organId, status.status(), status.bytes(), status.dedupKey());
    }
}
