package vn.gov.bus.routes.incoming;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Polls the axis on a timer. The timer runs one exchange at a time (a slow poll delays the next
 * one instead of overlapping it), and there is one poller per bus process: running several bus
 * nodes against one axis system id needs leader election, which comes with the production mode.
 */
@Component
public class AxisIncomingPollRoute extends RouteBuilder {

    static final String ENQUEUE = "direct:axis-incoming-enqueue";

    private final AxisIncomingPoller poller;
    private final Duration interval;

    public AxisIncomingPollRoute(AxisIncomingPoller poller,
                                 @Value("${bus.axis.poll-interval:10s}") Duration interval) {
        this.poller = poller;
        this.interval = interval;
    }

    @Override
    public void configure() {
        from("timer:axis-incoming-poll?fixedRate=false&period=" + interval.toMillis())
                .routeId("axis-incoming-poll")
                .autoStartup("{{bus.axis.poll-enabled:true}}")
                .bean(poller, "poll");

        from(ENQUEUE).routeId("axis-incoming-enqueue")
                .to("jms:queue:{{bus.queues.incoming}}?deliveryPersistent=true");
    }
}
