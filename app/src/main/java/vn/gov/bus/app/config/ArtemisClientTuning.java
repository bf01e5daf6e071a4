package vn.gov.bus.app.config;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.util.unit.DataSize;

/**
 * Raises the client's large-message threshold. Above it (100 KiB by default) Artemis streams a
 * message in chunks and its 2.40 client copies the body byte by byte on receive, which cost about
 * a fifth of the bus's CPU with 300 KB packages (see bench/README.md). Packages above the
 * threshold still travel as large messages, so a 50 MB attachment never has to fit the journal.
 */
class ArtemisClientTuning implements BeanPostProcessor {

    private final DataSize minLargeMessageSize;

    ArtemisClientTuning(DataSize minLargeMessageSize) {
        this.minLargeMessageSize = minLargeMessageSize;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        Object target = bean instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
        if (target instanceof ActiveMQConnectionFactory artemis) {
            artemis.setMinLargeMessageSize((int) minLargeMessageSize.toBytes());
        }
        return bean;
    }
}
