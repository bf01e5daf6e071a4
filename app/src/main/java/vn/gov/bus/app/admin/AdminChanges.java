package vn.gov.bus.app.admin;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes share one database, so a route's stored settings and stop are everyone's; but the
 * running routes are each node's own. After storing a change, the node that took the call
 * announces it on a broker topic, and every other node puts the stored state in force at once
 * (route {@value #ROUTE_ID}) instead of at its next start. The announcement carries only the route
 * id and the kind of change: the database stays the one source of what is in force.
 *
 * <p>An announcement is not durable: a node that is down misses it and applies the stored settings
 * when it starts, as it always did. A broker that cannot take it does not fail the call.
 */
public class AdminChanges extends RouteBuilder {

    public static final String ROUTE_ID = "admin-changes";
    static final String NODE_HEADER = "BusNodeId";
    static final String KIND_HEADER = "BusAdminChange";

    /** What was stored: settings, or an operator's stop or start. */
    public enum Kind { SETTINGS, STOP, START }

    private static final Logger log = LoggerFactory.getLogger(AdminChanges.class);

    private final String topicUri;
    private final String nodeId;
    private final ProducerTemplate producer;
    private volatile RouteAdministration routes;

    public AdminChanges(String topic, String nodeId, ProducerTemplate producer) {
        // non-persistent: the database holds the change; the message is only a nudge
        this.topicUri = "jms:topic:" + topic;
        this.nodeId = nodeId;
        this.producer = producer;
    }

    /** Set once the administration exists (it announces through this, and this applies through it). */
    void applyThrough(RouteAdministration administration) {
        this.routes = administration;
    }

    void announce(String routeId, Kind kind) {
        try {
            producer.sendBodyAndHeaders(topicUri + "?deliveryPersistent=false", routeId,
                    java.util.Map.of(NODE_HEADER, nodeId, KIND_HEADER, kind.name()));
        } catch (RuntimeException e) {
            log.warn("change of route {} could not be announced to the other nodes ({}); they apply it at their"
                    + " next start", routeId, e.toString());
        }
    }

    @Override
    public void configure() {
        from(topicUri).routeId(ROUTE_ID)
                .filter(header(NODE_HEADER).isNotEqualTo(nodeId))
                .process(exchange -> {
                    RouteAdministration administration = routes;
                    if (administration != null) {
                        administration.applyChangeMadeElsewhere(exchange.getMessage().getBody(String.class),
                                Kind.valueOf(exchange.getMessage().getHeader(KIND_HEADER, String.class)),
                                exchange.getMessage().getHeader(NODE_HEADER, String.class));
                    }
                });
    }
}
