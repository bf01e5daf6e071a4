package vn.gov.bus.app.config;

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
                .filter(b -> b instanceof org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding)
                .map(b -> ((org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding) b).getQueue())
                .filter(q -> q.getName().toString().startsWith("bus.") || q.getName().toString().startsWith("DLQ.bus."))
                .sorted(java.util.Comparator.comparing((Queue q) -> q.getName().toString()))
                .forEach(q -> report.append(' ').append(q.getName()).append('=').append(q.getMessageCount()));
        log.info("Embedded broker recovered from its journal:{}", report);
    }
}
