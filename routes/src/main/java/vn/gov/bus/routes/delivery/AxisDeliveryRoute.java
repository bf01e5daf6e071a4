package vn.gov.bus.routes.delivery;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.axis.AxisRejectedException;
import vn.gov.bus.connectors.axis.AxisTransientException;
import vn.gov.bus.routes.BusHeaders;

/**
 * axis channel queue → national axis. A transient failure rolls the JMS transaction back and the
 * broker redelivers with exponential back-off (address settings), then dead-letters; a rejection
 * by the axis is final and goes to the dead-letter queue at once with the axis's reason.
 */
@Component
public class AxisDeliveryRoute extends RouteBuilder {

    private final AxisDelivery delivery;

    public AxisDeliveryRoute(AxisDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        onException(AxisRejectedException.class)
                .handled(true)
                .useOriginalMessage()
                .setHeader(BusHeaders.FAILURE_REASON, exceptionMessage())
                .log("axis rejected ${header." + BusHeaders.DOCUMENT_ID + "}: ${exception.message}")
                .to("jms:queue:DLQ.{{bus.queues.deliver-axis}}");

        // Expected while the axis is down or a send is in flight elsewhere: the broker redelivers
        // with back-off; one WARN line per attempt is enough, a stack trace is noise.
        onException(AxisTransientException.class, DeliveryInProgressException.class)
                .handled(false)
                .logStackTrace(false)
                .logExhausted(false)
                .log(LoggingLevel.WARN, "delivery of ${header." + BusHeaders.DOCUMENT_ID
                        + "} to the axis will be retried by the broker: ${exception.message}");

        from("jms:queue:{{bus.queues.deliver-axis}}?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers={{bus.routes.deliver-axis.consumers}}")
                .routeId("deliver-axis")
                .bean(delivery, "deliver");
    }
}
