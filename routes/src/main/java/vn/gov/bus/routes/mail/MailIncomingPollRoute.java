package vn.gov.bus.routes.mail;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Polls the official mailbox on a timer, one poll at a time. There is one poller per bus process:
 * several bus nodes reading one mailbox need leader election (issue 9); until then the poller runs
 * on one node only (bus.mail.incoming.enabled=false on the others).
 */
@Component
public class MailIncomingPollRoute extends RouteBuilder {

    private final MailIncomingPoller poller;
    private final Duration interval;

    public MailIncomingPollRoute(MailIncomingPoller poller,
                                 @Value("${bus.mail.incoming.poll-interval:10s}") Duration interval) {
        this.poller = poller;
        this.interval = interval;
    }

    @Override
    public void configure() {
        from("timer:mail-incoming-poll?fixedRate=false&period=" + interval.toMillis())
                .routeId(MailIncomingPoller.ROUTE_ID)
                .autoStartup("{{bus.mail.incoming.enabled:true}}")
                .bean(poller, "poll");

        from(MailIncomingQueue.ENQUEUE).routeId("mail-incoming-enqueue")
                .to("jms:queue:{{bus.queues.incoming}}?deliveryPersistent=true");
    }
}
