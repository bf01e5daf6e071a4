package vn.gov.bus.routes.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** local channel queue → the recipient agency's pending box. */
@Component
public class LocalDeliveryRoute extends RouteBuilder {

    private final LocalDelivery delivery;

    public LocalDeliveryRoute(LocalDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from("jms:queue:{{bus.queues.deliver-local}}?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers={{bus.routes.deliver-local.consumers}}")
                .routeId("deliver-local")
                .bean(delivery, "deliverQueued");
    }
}
