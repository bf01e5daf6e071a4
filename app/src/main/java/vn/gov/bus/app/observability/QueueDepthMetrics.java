package vn.gov.bus.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code bus.queue.depth{queue}}: messages waiting on each of the bus's queues and their
 * dead-letter queues, read from the embedded broker's own counters at each scrape (no browsing,
 * no JMS session). A queue the broker does not have (yet) reads NaN. With an external broker
 * there is no such bean: use the broker's own metrics (its Prometheus plugin) instead.
 */
public class QueueDepthMetrics implements MeterBinder {

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final List<String> queues;

    public QueueDepthMetrics(ObjectProvider<EmbeddedActiveMQ> broker, Collection<String> busQueues) {
        this.broker = broker;
        List<String> all = new ArrayList<>();
        for (String q : busQueues) {
            all.add(q);
            all.add("DLQ." + q);
        }
        this.queues = List.copyOf(all);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (broker.getIfAvailable() == null) {
            return;
        }
        for (String name : queues) {
            Gauge.builder("bus.queue.depth", this, m -> m.depth(name))
                    .tag("queue", name)
                    .description("messages waiting on the queue (embedded broker)")
                    .register(registry);
        }
    }

    double depth(String name) {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        if (server == null || !server.isActive()) {
            return Double.NaN;
        }
        Queue queue = server.locateQueue(SimpleString.of(name));
        return queue == null ? Double.NaN : queue.getMessageCount();
    }
}
