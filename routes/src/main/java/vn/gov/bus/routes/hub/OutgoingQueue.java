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
import vn.gov.bus.routes.DeliveryKeys;

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

    public OutgoingQueue(ProducerTemplate producer, MessageRegistry registry, StatusLog statusLog) {
        this.producer = producer;
        this.registry = registry;
        this.statusLog = statusLog;
    }

    public SendReceipt enqueue(String organId, EdocPackage parsed, byte[] pkg, String dedupKey) {
        String messageId = UUID.randomUUID().toString();
        String type = parsed.kind().name();
        String documentId = DeliveryKeys.documentIdOf(parsed);
        Map<String, Object> headers = BusHeaders.of(messageId, documentId, organId, type, dedupKey);
        producer.sendBodyAndHeaders(HubIngressRoute.ENDPOINT, pkg, headers);
        Instant acceptedAt = Instant.now();
        registry.record(messageId, "OUTGOING", type, documentId, organId, parsed.subject(),
                Tokens.sha256Hex(pkg), acceptedAt);
        if (parsed.kind() == EdocPackage.Kind.STATUS) {
            statusLog.record(StatusLog.Status.of(parsed, organId, dedupKey, "OUTGOING", messageId), acceptedAt);
        }
        return new SendReceipt(messageId, documentId, acceptedAt);
    }

    public SendReceipt enqueue(String organId, IssuedStatus status) {
        return enqueue(organId, status.status(), status.bytes(), status.dedupKey());
    }
}
