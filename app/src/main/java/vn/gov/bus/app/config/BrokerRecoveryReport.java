package vn.gov.bus.app.config;

import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, before any route consumes, what the embedded broker recovered from its
 * journal, queue by queue, so an operator sees after a crash how much work was waiting.
 */
@Component
class BrokerRecoveryReport implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BrokerRecoveryReport.class);

    private final ObjectProvider<EmbeddedActiveMQ> embedded;

    BrokerRecoveryReport(ObjectProvider<EmbeddedActiveMQ> embedded) {
        this.embedded = embedded;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        if (broker == null) {
            return; // an external broker reports for itself
        }
        StringBuilder report = new StringBuilder();
        broker.getActiveMQServer().getPostOffice().getAllBindings()
                .filter(b -> b instanceof LocalQueueBinding)
                .map(b -> ((LocalQueueBinding) b).getQueue())
                .filter(q -> q.getName().toString().startsWith("bus.") || q.getName().toString().startsWith("DLQ.bus."))
                .sorted(Comparator.comparing((Queue q) -> q.getName().toString()))
                .forEach(q -> report.append(' ').append(q.getName()).append('=').append(settledCount(q)));
        log.info("Embedded broker recovered from its journal:{}", report);
    }

    /**
     * Messages loaded from the journal wait in the queue's intermediate list until its executor
     * moves them; counting before that says 0 for a queue that holds work (seen after a crash).
     */
    private static long settledCount(Queue queue) {
        CountDownLatch settled = new CountDownLatch(1);
        queue.flushOnIntermediate(settled::countDown);
        try {
            if (!settled.await(10, TimeUnit.SECONDS)) {
                log.warn("queue {} did not settle within 10 s; its count below may be low", queue.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return queue.getMessageCount();
    }
}
