package vn.gov.bus.routes.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import vn.gov.bus.audit.verifier.Digests;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.DeliveryKeys;
import vn.gov.bus.routes.audit.BusQueues;

/**
 * Replays a logged message: the exact payload bytes of one audit record are put again on the
 * queue in front of a route — its original route (the delivery route that handled it, or
 * outgoing-dispatch for what the hub received) or one the operator chooses. The delivery routes
 * stay idempotent: a message already delivered is refused unless the operator forces it. The
 * request and its outcome are both audit records, tied by a correlation id.
 */
public class AuditReplay {

    private final AuditStore store;
    private final AuditTrail audit;
    private final ProducerTemplate producer;
    private final EdxmlReader reader;
    private final Map<String, String> queueOfRoute = new LinkedHashMap<>();

    public AuditReplay(AuditStore store, AuditTrail audit, ProducerTemplate producer, EdxmlReader reader,
                       BusQueues queues) {
        this.store = store;
        this.audit = audit;
        this.producer = producer;
        this.reader = reader;
        queueOfRoute.put("outgoing-dispatch", queues.outgoing());
        queueOfRoute.put("deliver-local", queues.deliverLocal());
        queueOfRoute.put("deliver-axis", queues.deliverAxis());
        queueOfRoute.put("incoming-dispatch", queues.incoming());
    }

    /** What an operator asks: which record, to which route (null = original), dry run, force. */
    public record Request(long seq, String route, boolean dryRun, boolean force, String actor, String origin) {
    }

    /** What was (or, for a dry run, would be) sent. */
    public record Result(String correlationId, boolean sent, String route, String queue, Map<String, Object> headers,
                         String payloadSha256, int payloadBytes, byte[] payload) {
    }

    public Result replay(Request request) {
        AuditRecord record = store.find(request.seq()).orElseThrow(() -> new ReplayException(
                "no audit record " + request.seq()));
        if (record.payloadSha256() == null) {
            throw new ReplayException("audit record " + record.seq() + " (" + record.step() + ") has no payload to replay");
        }
        byte[] payload = store.payload(record.payloadSha256()).orElseThrow(() -> new ReplayException(
                "the payload of audit record " + record.seq() + " was pruned by retention; it cannot be replayed"));
        String route = request.route() != null && !request.route().isBlank() ? request.route() : originalRoute(record);
        String queue = queueOfRoute.get(route);
        if (queue == null) {
            throw new ReplayException("route '" + route + "' cannot be replayed to; choose one of "
                    + queueOfRoute.keySet());
        }
        EdocPackage parsed = reader.read(payload);
        String correlationId = "replay-" + UUID.randomUUID();
        String senderId = record.senderId() != null ? record.senderId() : parsed.fromOrganId();
        Map<String, Object> headers = BusHeaders.of(record.messageId() != null ? record.messageId()
                        : UUID.randomUUID().toString(), DeliveryKeys.documentIdOf(parsed), senderId,
                parsed.kind().name(), DeliveryKeys.dedupKeyOf(parsed));
        headers.put(BusHeaders.CORRELATION_ID, correlationId);
        headers.put(BusHeaders.REPLAY_FORCE, request.force());
        if (route.startsWith("deliver-")) {
            if (record.recipientId() == null) {
                throw new ReplayException("audit record " + record.seq() + " names no recipient; a delivery route "
                        + "needs one");
            }
            headers.put(BusHeaders.RECIPIENTS, record.recipientId());
            headers.put(BusHeaders.CHANNEL, route.equals("deliver-local") ? "LOCAL" : "AXIS");
        }
        String what = "replay of record " + record.seq() + " (" + record.step() + ") to " + route + " on " + queue
                + (request.force() ? ", forced" : "") + (request.dryRun() ? ", dry run: nothing sent" : "");
        AuditEvent.Builder event = AuditEvent.of(AuditStep.REPLAYED).routeId(route).messageId(record.messageId())
                .documentId(record.documentId()).senderId(senderId).recipientId(record.recipientId())
                .correlationId(correlationId).actor(request.actor()).origin(request.origin()).payload(payload);
        if (!request.dryRun()) {
            try {
                producer.sendBodyAndHeaders("jms:queue:" + queue + "?deliveryPersistent=true", payload, headers);
            } catch (RuntimeException e) {
                audit.record(event.outcome(AuditOutcome.ERROR).detail(what + ": not queued: " + e.getMessage()).build());
                throw e;
            }
        }
        audit.record(event.detail(what).build());
        return new Result(correlationId, !request.dryRun(), route, queue, headers, Digests.sha256Hex(payload),
                payload.length, payload);
    }

    /**
     * A QUEUED record goes back on the queue it was put on (its detail is "on QUEUE"); a record of a
     * delivery or dispatch route goes back to that route; what the hub received or signed is
     * routed again from the start.
     */
    private String originalRoute(AuditRecord record) {
        if (record.step() == AuditStep.QUEUED && record.detail() != null && record.detail().startsWith("on ")) {
            String queue = record.detail().substring(3);
            for (Map.Entry<String, String> e : queueOfRoute.entrySet()) {
                if (e.getValue().equals(queue)) {
                    return e.getKey();
                }
            }
        }
        String route = record.routeId();
        if (route != null && queueOfRoute.containsKey(route)) {
            return route;
        }
        if ("hub-ingress".equals(route)) {
            return "outgoing-dispatch";
        }
        if ("axis-incoming-poll".equals(route) || "axis-incoming-enqueue".equals(route)) {
            return "incoming-dispatch";
        }
        throw new ReplayException("audit record " + record.seq() + " of route " + route
                + " has no original destination to replay to; choose a route");
    }

    /** The replay cannot be done as asked; the message says why. */
    public static class ReplayException extends RuntimeException {
        public ReplayException(String message) {
            super(message);
        }
    }
}
