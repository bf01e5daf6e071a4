package vn.gov.bus.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Artemis management over JMS: a request message to the broker's management address
 * ({@code activemq.management}) names a resource ({@code queue.<name>}, {@code broker}) and an
 * attribute or operation; the answer comes back on a temporary queue. This is Artemis's documented
 * remote management path, the same for the embedded broker (in-VM connection) and an external one
 * (whose security settings must then grant the bus's user the {@code manage} permission on
 * {@code activemq.management}).
 */
public class JmsManagementBrokerAdmin implements BrokerAdmin {

    static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory connections;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public JmsManagementBrokerAdmin(ConnectionFactory connections, Duration timeout) {
        this.connections = connections;
        this.timeout = timeout;
    }

    @Override
    public QueueCounts counts(String queue) {
        Number messages = (Number) attribute(ResourceNames.QUEUE + queue, "messageCount");
        Number consumers = (Number) attribute(ResourceNames.QUEUE + queue, "consumerCount");
        return new QueueCounts(messages.longValue(), consumers.intValue());
    }

    @Override
    public void applyRetryPolicy(String queue, RetryPolicy policy, String deadLetterQueue, int groupBuckets) {
        ObjectNode settings = json.createObjectNode()
                .put("redeliveryDelay", policy.redeliveryDelay().toMillis())
                .put("redeliveryMultiplier", policy.backOffMultiplier())
                .put("maxRedeliveryDelay", policy.maxRedeliveryDelay().toMillis())
                .put("maxDeliveryAttempts", policy.maxDeliveryAttempts())
                .put("deadLetterAddress", deadLetterQueue)
                .put("defaultGroupBuckets", groupBuckets);
        invoke(ResourceNames.BROKER, "addAddressSettings", queue, settings.toString());
    }

    @Override
    public String addressSettings(String queue) {
        return String.valueOf(invoke(ResourceNames.BROKER, "getAddressSettingsAsJSON", queue));
    }

    private Object attribute(String resource, String attribute) {
        return request(resource + "." + attribute, m -> JMSManagementHelper.putAttribute(m, resource, attribute));
    }

    private Object invoke(String resource, String operation, Object... args) {
        return request(resource + "." + operation, m -> JMSManagementHelper.putOperationInvocation(m, resource,
                operation, args));
    }

    private interface Filler {
        void fill(Message m) throws Exception;
    }

    private Object request(String what, Filler filler) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue management = session.createQueue(MANAGEMENT_ADDRESS);
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(management);
                 MessageConsumer answers = session.createConsumer(replies)) {
                Message request = session.createMessage();
                filler.fill(request);
                request.setJMSReplyTo(replies);
                producer.send(request);
                Message reply = answers.receive(timeout.toMillis());
                if (reply == null) {
                    throw new BrokerAdminException("the broker did not answer management request " + what
                            + " within " + timeout, null);
                }
                Object result = JMSManagementHelper.getResult(reply);
                if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                    throw new BrokerAdminException("the broker refused management request " + what + ": " + result,
                            null);
                }
                return result;
            } finally {
                replies.delete();
            }
        } catch (BrokerAdminException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokerAdminException("management request " + what + " failed: " + e.getMessage(), e);
        }
    }
}
