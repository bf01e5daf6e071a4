package vn.gov.bus.routes.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** local channel queue → the recipient agency's pending box. */
@Component
public class LocalDeliveryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "deliver-local";

    private final LocalDelivery delivery;

    public LocalDeliveryRoute(LocalDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from("jms:queue:{{bus.queues.deliver-local}}?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers={{bus.routes.deliver-local.consumers}}")
                .routeId(ROUTE_ID)
                .bean(delivery, "deliver");
    }
}
