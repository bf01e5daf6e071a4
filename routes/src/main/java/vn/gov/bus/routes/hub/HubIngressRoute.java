package vn.gov.bus.routes.hub;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Puts packages accepted by the hub SOAP service on the durable outgoing queue. */
@Component
public class HubIngressRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:hub-ingress";

    @Override
    public void configure() {
        from(ENDPOINT).routeId("hub-ingress")
                .to("jms:queue:{{bus.queues.outgoing}}?deliveryPersistent=true");
    }
}
