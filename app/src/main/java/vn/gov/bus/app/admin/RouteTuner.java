package vn.gov.bus.app.admin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.spi.RouteController;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.routes.DeliveryAttempts;

/**
 * Applies route settings to the running bus without restarting it, and knows which route has which
 * setting. Connectors and route builders stay unaware of it:
 * <ul>
 * <li>poll interval (routes consuming a timer, or a polling consumer such as the feeds' SFTP/FTP):
 *     a controlled restart of that one route with the endpoint's period (consumer's delay) changed —
 *     a poll in progress finishes first;</li>
 * <li>retry policy (routes consuming one of the bus's queues): the broker's address settings of the
 *     queue, through {@link BrokerAdmin} — the broker owns redelivery, so this is live for the next
 *     failure and nothing in the route changes;</li>
 * <li>enabled channels (outgoing-dispatch): the delivery route of a disabled channel is held
 *     stopped; its documents wait on the channel's durable queue until it is enabled again;</li>
 * <li>endpoint URL and credentials reference: the route's {@link TunableConnector} (declared by
 *     the connector's configuration) is pointed at the new endpoint and secret.</li>
 * </ul>
 */
public class RouteTuner {

    static final String DISPATCH_ROUTE = "outgoing-dispatch";
    static final Map<Channel, String> CHANNEL_ROUTES = Map.of(
            Channel.LOCAL, "deliver-local", Channel.AXIS, "deliver-axis", Channel.MAIL, "deliver-mail");

    private final CamelContext camel;
    private final DeliveryAttempts attempts;
    private final BrokerAdmin broker;
    private final java.util.Set<String> busQueues;
    private final int groupBuckets;
    private final Map<String, TunableConnector> connectors;

    public RouteTuner(CamelContext camel, BrokerAdmin broker, DeliveryAttempts attempts, java.util.Set<String> busQueues,
                      int groupBuckets, java.util.List<TunableConnector> connectors) {
        Map<String, TunableConnector> byRoute = new java.util.HashMap<>();
        for (TunableConnector c : connectors) {
            if (byRoute.put(c.routeId(), c) != null) {
                throw new IllegalStateException("two connectors claim the settings of route " + c.routeId());
            }
        }
        this.connectors = Map.copyOf(byRoute);
        this.camel = camel;
        this.attempts = attempts;
        this.broker = broker;
        this.busQueues = busQueues;
        this.groupBuckets = groupBuckets;
    }

    /** The route's current poll interval, when it is a poller. */
    public Optional<Duration> pollInterval(Route route) {
        Endpoint endpoint = route.getEndpoint();
        if (endpoint instanceof TimerEndpoint timer) {
            return Optional.of(Duration.ofMillis(timer.getPeriod()));
        }
        if (route.getConsumer() instanceof ScheduledPollConsumer poller) {
            return Optional.of(Duration.ofMillis(poller.getTimeUnit().toMillis(poller.getDelay())));
        }
        return Optional.empty();
    }

    /** The bus queue the route consumes, when it is a queue consumer (retry policy applies). */
    public Optional<String> consumedQueue(Route route) {
        if (route.getEndpoint() instanceof JmsEndpoint jms && busQueues.contains(jms.getDestinationName())) {
            return Optional.of(jms.getDestinationName());
        }
        return Optional.empty();
    }

    /** The connector whose endpoint and credentials are settings of this route, if any. */
    public Optional<TunableConnector> connector(Route route) {
        return Optional.ofNullable(connectors.get(route.getRouteId()));
    }

    public boolean hasChannels(Route route) {
        return DISPATCH_ROUTE.equals(route.getRouteId());
    }

    public void applyPollInterval(Route route, Duration interval) throws Exception {
        RouteController controller = camel.getRouteController();
        String id = route.getRouteId();
        ServiceStatus status = controller.getRouteStatus(id);
        boolean running = status != null && (status.isStarted() || status.isSuspended());
        if (running) {
            controller.stopRoute(id);
        }
        if (route.getEndpoint() instanceof TimerEndpoint timer) {
            timer.setPeriod(interval.toMillis());
        }
        Consumer consumer = route.getConsumer();
        if (consumer instanceof ScheduledPollConsumer poller) {
            long delay = poller.getTimeUnit().convert(interval);
            poller.setDelay(delay);
            if (poller.getScheduler() instanceof DefaultScheduledPollConsumerScheduler scheduler) {
                scheduler.setDelay(delay);
            }
        }
        if (running) {
            controller.startRoute(id);
            if (status.isSuspended()) {
                controller.suspendRoute(id);
            }
        }
    }

    public void applyRetry(String queue, RetryPolicy policy) {
        broker.applyRetryPolicy(queue, policy, "DLQ." + queue, groupBuckets);
        // the audit's DEAD_LETTERED and the mail channel's last-attempt notice count with the broker
        attempts.retune(queue, policy.maxDeliveryAttempts());
    }

    /** Stops the delivery routes of disabled channels, starts those of enabled ones not held stopped. */
    public void applyChannels(java.util.Set<Channel> enabled, java.util.function.Predicate<String> heldStopped)
            throws Exception {
        RouteController controller = camel.getRouteController();
        for (Map.Entry<Channel, String> e : CHANNEL_ROUTES.entrySet()) {
            String id = e.getValue();
            if (camel.getRoute(id) == null) {
                continue;
            }
            ServiceStatus status = controller.getRouteStatus(id);
            if (!enabled.contains(e.getKey())) {
                if (status != null && !status.isStopped()) {
                    controller.stopRoute(id);
                }
            } else if (status != null && status.isStopped() && !heldStopped.test(id)) {
                controller.startRoute(id);
            }
        }
    }
}
