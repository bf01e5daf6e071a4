package vn.gov.bus.app.config;

import jakarta.jms.ConnectionFactory;
import java.util.List;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.component.jms.JmsComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import vn.gov.bus.routes.DeliveryAttempts;

/**
 * The durable queues. Embedded by default (persistent journal under {data-dir}/broker); setting
 * bus.broker.url points the same jar at an external broker instead (see BrokerUrlPostProcessor).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BrokerConfiguration.class);

    /**
     * Queue-to-queue steps use local JMS transactions on the listener's own session
     * (transacted=true without a transaction manager): the consumed message's acknowledgement and
     * every message the route produces commit together, in one broker transaction. A Spring
     * JmsTransactionManager with a cached consumer would commit them in two sessions, one after
     * the other, and a crash in between loses the message (the crash test caught exactly that:
     * the broker's journal showed the acknowledgement and the produced message in two transactions).
     */
    @Bean("jms")
    JmsComponent jmsComponent(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        // camel-jms-starter re-applies camel.component.jms.* (with its own defaults) over these two
        // settings: application.yaml sets both keys for that reason; they are repeated here so the
        // bean says what it needs. QueueTransactionTest proves the outcome on the broker itself.
        jms.setLazyCreateTransactionManager(false);
        jms.setExposeListenerSession(true);
        // a rolled-back delivery is logged by its route; the listener's own stack trace adds nothing
        jms.getConfiguration().setErrorHandlerLogStackTrace(false);
        return jms;
    }

    /** The broker's attempts per queue, as the bus must know them (retuned live by the admin API). */
    @Bean
    DeliveryAttempts deliveryAttempts(BusProperties bus) {
        return new DeliveryAttempts(bus.broker().maxDeliveryAttempts());
    }

    @Bean
    static ArtemisClientTuning artemisClientTuning(
            @Value("${bus.broker.min-large-message-size:1MB}") DataSize minLargeMessageSize) {
        return new ArtemisClientTuning(minLargeMessageSize);
    }

    @Bean
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
    ArtemisConfigurationCustomizer busBrokerSettings(BusProperties bus, Environment env) {
        List<String> queues = Stream.of("outgoing", "deliver-local", "deliver-axis", "deliver-mail", "incoming")
                .map(name -> env.getRequiredProperty("bus.queues." + name)).toList();
        return configuration -> {
            BusProperties.Broker broker = bus.broker();
            if (AIOSequentialFileFactory.isSupported()) {
                configuration.setJournalType(JournalType.ASYNCIO);
                log.info("Embedded broker journal: ASYNCIO (libaio) in {}", configuration.getJournalDirectory());
            } else {
                configuration.setJournalType(JournalType.NIO);
                log.warn("Embedded broker journal: NIO — libaio or libartemis-native-64.so is not available "
                        + "(install libaio1 and start with -Djava.library.path pointing at the native library; "
                        + "the ./bus launcher does this). Commit-per-message throughput is several times lower.");
            }
            int bufferTimeoutNanos = (int) broker.journalBufferTimeout().toNanos();
            configuration.setJournalBufferTimeout_NIO(bufferTimeoutNanos);
            configuration.setJournalBufferTimeout_AIO(bufferTimeoutNanos);
            configuration.setSecurityEnabled(false);

            // Broker-side redelivery with exponential back-off survives a crash (the delivery count
            // is persisted); then each queue's messages land on its own, pre-created DLQ.<queue>.
            // The DLQs are declared explicitly: a dead-letter address without a queue would drop.
            for (String queue : queues) {
                String deadLetters = "DLQ." + queue;
                configuration.addAddressSetting(queue, new AddressSettings()
                        .setRedeliveryDelay(broker.redeliveryDelay().toMillis())
                        .setRedeliveryMultiplier(broker.redeliveryMultiplier())
                        .setMaxRedeliveryDelay(broker.maxRedeliveryDelay().toMillis())
                        .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                        .setDeadLetterAddress(SimpleString.of(deadLetters))
                        // Messages about one document share a JMS group (BusHeaders.GROUP) so its
                        // statuses leave in order; hashing groups into buckets bounds the broker's
                        // group table, which would otherwise keep one entry per document forever.
                        .setDefaultGroupBuckets(1024));
                configuration.addQueueConfiguration(QueueConfiguration.of(deadLetters)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
                // Dead letters stay until an operator acts: never expire, never dead-letter again.
                configuration.addAddressSetting(deadLetters, new AddressSettings().setMaxDeliveryAttempts(-1));
            }
        };
    }
}
