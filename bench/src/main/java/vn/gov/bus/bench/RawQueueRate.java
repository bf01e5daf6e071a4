package vn.gov.bus.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The ceiling the bus works under: how many persistent messages per second one embedded Artemis
 * accepts when every message is its own committed transaction, as each queue-to-queue step of the
 * bus is. The broker is configured like the bus's embedded one (persistent journal, in-VM
 * acceptor, AIO when available, the same journal buffer timeout) but nothing else runs.
 */
final class RawQueueRate {

    /** The bus's default {@code bus.broker.journal-buffer-timeout}. */
    static final Duration JOURNAL_BUFFER_TIMEOUT = Duration.ofNanos(200_000);
    private static final String QUEUE = "bench.raw";
    /** Not 0: the bus started later in the same JVM takes in-VM server id 0. */
    private static final int SERVER_ID = 7;

    record Result(int bodyBytes, int producers, long messages, Duration measured, JournalType journal) {
        double perSecond() {
            return messages / (measured.toNanos() / 1e9);
        }
    }

    private final Path workDir;
    private final Duration warmUp;
    private final Duration measure;
    private final int producers;

    RawQueueRate(Path workDir, Duration warmUp, Duration measure, int producers) {
        this.workDir = workDir;
        this.warmUp = warmUp;
        this.measure = measure;
        this.producers = producers;
    }

    static JournalType journalType() {
        return AIOSequentialFileFactory.isSupported() ? JournalType.ASYNCIO : JournalType.NIO;
    }

    /** Runs on a fresh broker with an empty journal, so one size's backlog does not weigh on the next. */
    Result run(int bodyBytes) throws Exception {
        Path dir = workDir.resolve("raw-queue-" + bodyBytes);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        ConfigurationImpl config = brokerConfiguration(dir);
        broker.setConfiguration(config);
        broker.start();
        try {
            JournalType inUse = broker.getActiveMQServer().getConfiguration().getJournalType();
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://" + SERVER_ID);
            try (Connection connection = factory.createConnection()) {
                connection.start();
                byte[] body = new byte[bodyBytes];
                new Random(bodyBytes).nextBytes(body);
                ExecutorService pool = Executors.newFixedThreadPool(producers);
                try {
                    long deadlineWarm = System.nanoTime() + warmUp.toNanos();
                    runProducers(pool, connection, body, deadlineWarm);
                    long start = System.nanoTime();
                    long sent = runProducers(pool, connection, body, start + measure.toNanos());
                    long elapsed = System.nanoTime() - start;
                    return new Result(bodyBytes, producers, sent, Duration.ofNanos(elapsed), inUse);
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                factory.close();
            }
        } finally {
            broker.stop();
        }
    }

    private long runProducers(ExecutorService pool, Connection connection, byte[] body, long deadline)
            throws Exception {
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            Callable<Long> producer = () -> produceUntil(connection, body, deadline);
            futures.add(pool.submit(producer));
        }
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get();
        }
        return total;
    }

    /** Counts only committed messages: the commit is what the journal has to make durable. */
    private static long produceUntil(Connection connection, byte[] body, long deadline) throws JMSException {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(QUEUE))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long committed = 0;
            while (System.nanoTime() < deadline) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                producer.send(message);
                session.commit();
                committed++;
            }
            return committed;
        }
    }

    private ConfigurationImpl brokerConfiguration(Path dir) {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setJournalType(journalType());
        int timeoutNanos = (int) JOURNAL_BUFFER_TIMEOUT.toNanos();
        config.setJournalBufferTimeout_AIO(timeoutNanos);
        config.setJournalBufferTimeout_NIO(timeoutNanos);
        try {
            config.addAcceptorConfiguration("in-vm", "vm://" + SERVER_ID);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the in-VM acceptor vm://" + SERVER_ID, e);
        }
        config.addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        // as the bus's queues have: a dead-letter queue (and Artemis stops warning that there is none)
        config.addQueueConfiguration(QueueConfiguration.of("DLQ." + QUEUE).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ." + QUEUE))
                .setExpiryAddress(SimpleString.of("DLQ." + QUEUE)));
        return config;
    }
}
