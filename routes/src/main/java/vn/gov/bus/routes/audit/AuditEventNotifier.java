package vn.gov.bus.routes.audit;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.DeliveryAttempts;
import vn.gov.bus.routes.outgoing.ChannelDelivery;

/**
 * Writes the audit records of the message path from Camel's own events, so that the route classes
 * need not know about auditing:
 * <ul>
 * <li>a message sent to one of the bus's queues: QUEUED (on the incoming queue also VERIFIED,
 *     with the verification outcome); sent to a dead-letter queue: DEAD_LETTERED with the reason;</li>
 * <li>outgoing-dispatch completed: SIGNED (the signed bytes) and ROUTED per recipient;</li>
 * <li>an exchange of a queue consumer failed (the transaction rolls back and the broker redelivers):
 *     FAILED, or DEAD_LETTERED when it was the last attempt the broker allows.</li>
 * </ul>
 * What only a bean knows (delivered, refused as a duplicate, quarantined, acknowledged) is
 * recorded by that bean.
 */
public class AuditEventNotifier extends EventNotifierSupport {

    /** Camel's header with the broker's delivery count of a JMS message (1 = first attempt). */
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final AuditTrail audit;
    private final BusQueues queues;
    private final DeliveryAttempts attempts;

    public AuditEventNotifier(AuditTrail audit, BusQueues queues, int maxDeliveryAttempts) {
        this(audit, queues, new DeliveryAttempts(maxDeliveryAttempts));
    }

    public AuditEventNotifier(AuditTrail audit, BusQueues queues, DeliveryAttempts attempts) {
        this.audit = audit;
        this.queues = queues;
        this.attempts = attempts;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeRedeliveryEvents(true);
        // not ignored although unused: Camel emits ExchangeSentEvent only when a notifier took the sending event
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            sent(sent.getExchange(), sent.getEndpoint().getEndpointUri());
        } else if (event instanceof ExchangeFailedEvent failed) {
            failed(failed.getExchange());
        } else if (event instanceof ExchangeCompletedEvent completed) {
            completed(completed.getExchange());
        }
    }

    private void sent(Exchange exchange, String uri) {
        String queue = BusQueues.queueOf(uri);
        if (queue == null || exchange.getException() != null) {
            return;
        }
        String routeId = routeOf(exchange);
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        if (queue.startsWith("DLQ.")) {
            String reason = header(exchange, BusHeaders.FAILURE_REASON);
            List<AuditEvent> events = new ArrayList<>();
            for (String recipient : recipients(exchange)) {
                events.add(base(AuditStep.DEAD_LETTERED, exchange, routeId).outcome(AuditOutcome.ERROR)
                        .recipientId(recipient).payload(payload).detail("moved to " + queue + ": " + reason).build());
            }
            audit.recordAll(events);
            return;
        }
        if (!queues.isBusQueue(queue)) {
            return;
        }
        // handed over, not waited for: see docs/auditing.md, "Durability"
        if (queue.equals(queues.incoming())) {
            audit.handOver(base(AuditStep.VERIFIED, exchange, routeId).payload(payload)
                    .detail(header(exchange, BusHeaders.VERIFICATION)).build());
        }
        for (String recipient : recipients(exchange)) {
            audit.handOver(base(AuditStep.QUEUED, exchange, routeId).recipientId(recipient).payload(payload)
                    .detail("on " + queue).build());
        }
    }

    private void completed(Exchange exchange) {
        if (!"outgoing-dispatch".equals(exchange.getFromRouteId()) || isSplitPart(exchange)
                || exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT) != null) {
            return;
        }
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof List<?> deliveries)) {
            return;
        }
        if (deliveries.isEmpty()) {
            audit.handOver(base(AuditStep.ROUTED, exchange, "outgoing-dispatch").outcome(AuditOutcome.WARNING)
                    .detail("every recipient already has it; nothing sent again").build());
            return;
        }
        List<AuditEvent> events = new ArrayList<>();
        for (Object o : deliveries) {
            if (o instanceof ChannelDelivery d) {
                if (events.isEmpty()) {
                    events.add(base(AuditStep.SIGNED, exchange, "outgoing-dispatch").payload(d.pkg()).build());
                }
                for (String recipient : d.recipients()) {
                    events.add(base(AuditStep.ROUTED, exchange, "outgoing-dispatch").recipientId(recipient)
                            .detail("channel " + d.channel()).build());
                }
            }
        }
        // handed over, not waited for: see docs/auditing.md, "Durability" (queue consumers)
        events.forEach(audit::handOver);
    }

    private void failed(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        if (routeId == null || isSplitPart(exchange) || exchange.getException() == null) {
            return;
        }
        Integer attempt = exchange.getMessage().getHeader(DELIVERY_COUNT, Integer.class);
        int maxDeliveryAttempts = attempts.of(exchange.getFromEndpoint() == null ? null
                : BusQueues.queueOf(exchange.getFromEndpoint().getEndpointUri()));
        boolean last = attempt != null && attempt >= maxDeliveryAttempts;
        String reason = exchange.getException().getClass().getSimpleName() + ": " + exchange.getException().getMessage();
        List<AuditEvent> events = new ArrayList<>();
        for (String recipient : recipients(exchange)) {
            events.add(base(last ? AuditStep.DEAD_LETTERED : AuditStep.FAILED, exchange, routeId)
                    .outcome(AuditOutcome.ERROR).recipientId(recipient)
                    .detail((attempt == null ? "" : "attempt " + attempt + " of " + maxDeliveryAttempts + "; ")
                            + (last ? "the broker moves it to the dead-letter queue; " : "the broker retries; ")
                            + reason).build());
        }
        audit.recordAll(events);
    }

    private static AuditEvent.Builder base(AuditStep step, Exchange exchange, String routeId) {
        return AuditEvent.of(step).routeId(routeId)
                .messageId(header(exchange, BusHeaders.MESSAGE_ID))
                .documentId(header(exchange, BusHeaders.DOCUMENT_ID))
                .senderId(header(exchange, BusHeaders.SENDER_ID))
                .correlationId(header(exchange, BusHeaders.CORRELATION_ID))
                .actor("bus");
    }

    private static List<String> recipients(Exchange exchange) {
        String list = header(exchange, BusHeaders.RECIPIENTS);
        if (list == null || list.isBlank()) {
            return java.util.Collections.singletonList(null);
        }
        return List.of(list.split(","));
    }

    private static boolean isSplitPart(Exchange exchange) {
        return exchange.getProperty(ExchangePropertyKey.SPLIT_INDEX) != null;
    }

    private static String routeOf(Exchange exchange) {
        Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        return route != null ? route.getRouteId() : exchange.getFromRouteId();
    }

    private static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }
}
