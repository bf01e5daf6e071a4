package vn.gov.bus.routes.mail;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.mail.MailRejectedException;
import vn.gov.bus.connectors.mail.MailTransientException;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.delivery.DeliveryInProgressException;

/**
 * mail channel queue → SMTP. A temporary failure (server down, 4xx) rolls the JMS transaction
 * back and the broker redelivers with exponential back-off, then dead-letters; a refusal (5xx,
 * an invalid address, a header-injection attempt) is final: the failure and the status for the
 * sender were recorded and queued by MailDelivery, and the package goes to the dead-letter queue
 * with the reason, all in the listener's one transaction.
 */
@Component
public class MailDeliveryRoute extends RouteBuilder {

    private final MailDelivery delivery;

    public MailDeliveryRoute(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        onException(MailRejectedException.class)
                .handled(true)
                .useOriginalMessage()
                .setHeader(BusHeaders.FAILURE_REASON, exceptionMessage())
                .log(LoggingLevel.WARN, "mail of ${header." + BusHeaders.DOCUMENT_ID + "} refused: ${exception.message}")
                .to("jms:queue:DLQ.{{bus.queues.deliver-mail}}");

        onException(MailTransientException.class, DeliveryInProgressException.class)
                .handled(false)
                .logStackTrace(false)
                .logExhausted(false)
                .log(LoggingLevel.WARN, "mail of ${header." + BusHeaders.DOCUMENT_ID
                        + "} will be retried by the broker: ${exception.message}");

        from("jms:queue:{{bus.queues.deliver-mail}}?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers={{bus.routes.deliver-mail.consumers:2}}")
                .routeId(MailDelivery.ROUTE_ID)
                .bean(delivery, "deliver");

        from(DeliveryFailureNotices.ENQUEUE).routeId("mail-failure-status")
                .to("jms:queue:{{bus.queues.outgoing}}?deliveryPersistent=true");
    }
}
