package vn.gov.bus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;

/**
 * A queue-to-queue step is one transaction: when the dispatch route fails after it has produced
 * onto the delivery queue, the produced message is rolled back together with the consumed one,
 * so the retry produces it again and the delivery queue sees it exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=100",
        "bus.broker.redelivery-delay=100ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueueTransactionTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    AxisSimulator axis;

    @Test
    void failureAfterProducingRollsBackTheProducedMessageWithTheConsumedOne() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        AdviceWith.adviceWith(camel, "outgoing-dispatch", route -> route.weaveAddLast().process(exchange -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated failure after producing");
            }
        }));
        long producedBefore = messagesAdded("bus.deliver.axis");

        byte[] pkg = SamplePackages.edoc().from("000.00.01.H53", "Văn phòng")
                .to("000.00.00.G22", "Văn phòng Chính phủ").build();
        String documentId;
        try (LocalDocumentSystemSimulator office = new LocalDocumentSystemSimulator(
                URI.create("http://127.0.0.1:" + port + "/services/hub"), "000.00.01.H53", "demo-token-van-phong")) {
            documentId = office.send(pkg).documentId();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(documentId) == 1);
        assertThat(failedOnce).isTrue();
        assertThat(messagesAdded("bus.deliver.axis") - producedBefore)
                .as("the rolled-back attempt left nothing on the delivery queue").isEqualTo(1);
    }

    @Test
    void packageAcceptedByTheHubWaitsOnTheOutgoingQueueAsADurableMessage() throws Exception {
        camel.getRouteController().stopRoute("outgoing-dispatch");
        try {
            byte[] pkg = SamplePackages.edoc().from("000.00.01.H53", "Văn phòng")
                    .to("000.00.00.G22", "Văn phòng Chính phủ").build();
            String documentId;
            try (LocalDocumentSystemSimulator office = new LocalDocumentSystemSimulator(
                    URI.create("http://127.0.0.1:" + port + "/services/hub"), "000.00.01.H53", "demo-token-van-phong")) {
                documentId = office.send(pkg).documentId();
            }
            var queue = broker.getActiveMQServer().locateQueue(SimpleString.of("bus.outgoing"));
            var refs = queue.browserIterator();
            boolean found = false;
            while (refs.hasNext()) {
                var message = refs.next().getMessage();
                if (documentId.equals(message.getStringProperty("BusDocumentId"))) {
                    found = true;
                    assertThat(message.isDurable()).as("accepted package is persistent").isTrue();
                }
            }
            refs.close();
            assertThat(found).isTrue();
        } finally {
            camel.getRouteController().startRoute("outgoing-dispatch");
        }
    }

    /**
     * Watches the broker itself: the acknowledgement of the package consumed from the outgoing
     * queue and the send of the signed package to the delivery queue must happen on one
     * transacted broker session, so one commit makes both durable (a kill between two commits
     * would lose the document, as the crash test once showed).
     */
    @Test
    void dispatchAcknowledgesAndProducesOnOneTransactedBrokerSession() throws Exception {
        Map<String, String> sendSessions = new ConcurrentHashMap<>();
        Map<String, String> ackSessions = new ConcurrentHashMap<>();
        Map<String, Boolean> sendTransacted = new ConcurrentHashMap<>();
        ActiveMQServerMessagePlugin watcher = new ActiveMQServerMessagePlugin() {
            @Override
            public void afterSend(ServerSession session, Transaction tx, Message message, boolean direct,
                                  boolean noAutoCreateQueue, RoutingStatus result) {
                String documentId = message.getStringProperty("BusDocumentId");
                if (documentId != null && "bus.deliver.axis".equals(message.getAddress())) {
                    sendSessions.put(documentId, session.getName());
                    sendTransacted.put(documentId, tx != null);
                }
            }

            @Override
            public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason,
                                            ServerConsumer consumer) {
                String documentId = ref.getMessage().getStringProperty("BusDocumentId");
                if (documentId != null && consumer != null
                        && "bus.outgoing".equals(ref.getQueue().getName().toString())) {
                    ackSessions.put(documentId, consumer.getSessionName());
                }
            }
        };
        broker.getActiveMQServer().registerBrokerPlugin(watcher);
        try {
            byte[] pkg = SamplePackages.edoc().from("000.00.01.H53", "Văn phòng")
                    .to("000.00.00.G22", "Văn phòng Chính phủ").build();
            String documentId;
            try (LocalDocumentSystemSimulator office = new LocalDocumentSystemSimulator(
                    URI.create("http://127.0.0.1:" + port + "/services/hub"), "000.00.01.H53", "demo-token-van-phong")) {
                documentId = office.send(pkg).documentId();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> axis.countByDocumentId(documentId) == 1
                    && ackSessions.containsKey(documentId));
            assertThat(sendTransacted.get(documentId)).as("produced inside a transaction").isTrue();
            assertThat(sendSessions.get(documentId)).as("produced on the session that consumed")
                    .isEqualTo(ackSessions.get(documentId));
        } finally {
            broker.getActiveMQServer().unRegisterBrokerPlugin(watcher);
        }
    }

    private long messagesAdded(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessagesAdded();
    }
}
