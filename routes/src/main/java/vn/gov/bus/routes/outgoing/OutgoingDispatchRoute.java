package vn.gov.bus.routes.outgoing;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdxmlException;
import vn.gov.bus.core.xml.XmlRejectedException;
import vn.gov.bus.routes.BusHeaders;

/**
 * outgoing queue → route by directory, trace, sign → one message per channel queue, consumed and
 * produced in one JMS transaction: a crash anywhere leaves the package on exactly one queue.
 */
@Component
public class OutgoingDispatchRoute extends RouteBuilder {

    private final OutgoingDispatcher dispatcher;

    public OutgoingDispatchRoute(OutgoingDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void configure() {
        // Retrying cannot fix these: park the original package with the reason for an operator.
        onException(UnroutableMessageException.class, EdxmlException.class, XmlRejectedException.class)
                .handled(true)
                .useOriginalMessage()
                .setHeader(BusHeaders.FAILURE_REASON, exceptionMessage())
                .log("dead-lettering ${header." + BusHeaders.MESSAGE_ID + "}: ${exception.message}")
                .to("jms:queue:DLQ.{{bus.queues.outgoing}}");

        from("jms:queue:{{bus.queues.outgoing}}?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers={{bus.routes.outgoing-dispatch.consumers}}")
                .routeId("outgoing-dispatch")
                .bean(dispatcher, "dispatch")
                .split(body())
                    .process(OutgoingDispatchRoute::toChannelMessage)
                    // the message id and DocumentId come with every line from the logging context
                    .log(LoggingLevel.INFO, "routed ${header." + BusHeaders.MESSAGE_TYPE + "} to channel ${header."
                            + BusHeaders.CHANNEL + "} for ${header." + BusHeaders.RECIPIENTS + "}")
                    .choice()
                        .when(header(BusHeaders.CHANNEL).isEqualTo("LOCAL"))
                            .to("jms:queue:{{bus.queues.deliver-local}}")
                        .when(header(BusHeaders.CHANNEL).isEqualTo("AXIS"))
                            .to("jms:queue:{{bus.queues.deliver-axis}}")
                        .when(header(BusHeaders.CHANNEL).isEqualTo("MAIL"))
                            .to("jms:queue:{{bus.queues.deliver-mail}}")
                    .end()
                .end();
    }

    private static void toChannelMessage(Exchange exchange) {
        ChannelDelivery delivery = exchange.getMessage().getBody(ChannelDelivery.class);
        exchange.getMessage().setHeader(BusHeaders.CHANNEL, delivery.channel().name());
        exchange.getMessage().setHeader(BusHeaders.RECIPIENTS, delivery.recipientList());
        exchange.getMessage().setBody(delivery.pkg());
    }
}
