package vn.gov.bus.routes.incoming;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdxmlException;
import vn.gov.bus.core.xml.XmlRejectedException;
import vn.gov.bus.routes.BusHeaders;

/** incoming queue → the pending boxes of the local recipients, in one JMS transaction. */
@Component
public class IncomingDispatchRoute extends RouteBuilder {

    private final IncomingDispatcher dispatcher;

    public IncomingDispatchRoute(IncomingDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void configure() {
        // The poller parsed the package before queueing it, so this is a bug or a foreign message.
        onException(EdxmlException.class, XmlRejectedException.class)
                .handled(true)
                .useOriginalMessage()
                .setHeader(BusHeaders.FAILURE_REASON, exceptionMessage())
                .log("dead-lettering ${header." + BusHeaders.MESSAGE_ID + "}: ${exception.message}")
                .to("jms:queue:DLQ.{{bus.queues.incoming}}");

        from("jms:queue:{{bus.queues.incoming}}?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers={{bus.routes.incoming-dispatch.consumers:2}}")
                .routeId("incoming-dispatch")
                .bean(dispatcher, "dispatch");
    }
}
