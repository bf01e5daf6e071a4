package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.gov.bus.routes.BusHeaders;

/**
 * Reads and moves messages of dead-letter queues with plain JMS, so that it works the same on the
 * embedded broker and an external one. Retry and discard take the message in a local JMS
 * transaction: a retried message is on its original queue and gone from the dead-letter queue in
 * one commit (a crash leaves it on exactly one of them); a discarded one is gone only once its
 * audit record (with the payload) is written.
 *
 * <p>The original queue of {@code DLQ.<queue>} is {@code <queue>}: the broker's own dead-lettering
 * and the routes' direct dead-lettering (a final refusal) both follow that naming.
 */
public class DeadLetters {

    static final String PREFIX = "DLQ.";
    private static final Pattern JMS_ID = Pattern.compile("ID:[A-Za-z0-9:_-]{1,100}");

    private final ConnectionFactory connections;
    private final int previewBytes;
    private final Duration receiveTimeout;

    public DeadLetters(ConnectionFactory connections, int previewBytes, Duration receiveTimeout) {
        this.connections = connections;
        this.previewBytes = previewBytes;
        this.receiveTimeout = receiveTimeout;
    }

    static String originalQueue(String deadLetterQueue) {
        return deadLetterQueue.substring(PREFIX.length());
    }

    static void checkId(String id) {
        if (id == null || !JMS_ID.matcher(id).matches()) {
            throw ApiProblem.invalid("id", "jms-message-id", "a message id has the form ID:<letters, digits, - : _>,"
                    + " as listed by the browse call", "mã thông điệp phải có dạng ID:… như trong danh sách");
        }
    }

    public List<DeadLetterMessage> browse(String queue, int page, int size) {
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            Enumeration<?> messages = browser.getEnumeration();
            long skip = (long) page * size;
            List<DeadLetterMessage> result = new ArrayList<>();
            while (messages.hasMoreElements() && result.size() < size) {
                Message m = (Message) messages.nextElement();
                if (skip > 0) {
                    skip--;
                    continue;
                }
                result.add(describe(queue, m));
            }
            browser.close();
            return result;
        } catch (JMSException e) {
            throw new BrokerAdmin.BrokerAdminException("browsing " + queue + " failed: " + e.getMessage(), e);
        }
    }

    public Optional<DeadLetterMessage> find(String queue, String id) {
        checkId(id);
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector(id));
            Enumeration<?> messages = browser.getEnumeration();
            Optional<DeadLetterMessage> found = messages.hasMoreElements()
                    ? Optional.of(describe(queue, (Message) messages.nextElement())) : Optional.empty();
            browser.close();
            return found;
        } catch (JMSException e) {
            throw new BrokerAdmin.BrokerAdminException("reading " + id + " of " + queue + " failed: " + e.getMessage(), e);
        }
    }

    /** What was taken off a dead-letter queue, for its audit record. */
    public record Taken(DeadLetterMessage message, byte[] payload) {
    }

    /** Moves one message back to its original queue; empty when it is not (or no longer) there. */
    public Optional<Taken> retry(String queue, String id) {
        checkId(id);
        return inTransaction(queue, selector(id), (session, consumer) -> {
            Message m = consumer.receive(receiveTimeout.toMillis());
            if (m == null) {
                return Optional.empty();
            }
            Taken taken = resend(session, queue, m);
            session.commit();
            return Optional.of(taken);
        });
    }

    /**
     * Moves at most {@code limit} messages back, committing every {@code batch}; each committed batch
     * is handed to {@code committed} (for its audit records) before the next one is taken.
     */
    public int retryAll(String queue, long limit, int batch, java.util.function.Consumer<List<Taken>> committed) {
        return inTransaction(queue, null, (session, consumer) -> {
            int moved = 0;
            List<Taken> pending = new ArrayList<>();
            while (moved < limit) {
                Message m = consumer.receive(receiveTimeout.toMillis());
                if (m == null) {
                    break;
                }
                pending.add(resend(session, queue, m));
                moved++;
                if (pending.size() >= batch) {
                    session.commit();
                    committed.accept(List.copyOf(pending));
                    pending.clear();
                }
            }
            session.commit();
            if (!pending.isEmpty()) {
                committed.accept(List.copyOf(pending));
            }
            return moved;
        });
    }

    /**
     * Removes one message for good. {@code beforeCommit} writes its audit record; the message is
     * removed only if that returned.
     */
    public Optional<Taken> discard(String queue, String id, java.util.function.Consumer<Taken> beforeCommit) {
        checkId(id);
        return inTransaction(queue, selector(id), (session, consumer) -> {
            Message m = consumer.receive(receiveTimeout.toMillis());
            if (m == null) {
                return Optional.empty();
            }
            Taken taken = new Taken(describe(queue, m), body(m));
            beforeCommit.accept(taken);
            session.commit();
            return Optional.of(taken);
        });
    }

    private interface Work<T> {
        T run(Session session, MessageConsumer consumer) throws JMSException;
    }

    private <T> T inTransaction(String queue, String selector, Work<T> work) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                return work.run(session, consumer);
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        } catch (JMSException e) {
            throw new BrokerAdmin.BrokerAdminException("the transaction on " + queue + " failed and was rolled back: "
                    + e.getMessage(), e);
        }
    }

    private Taken resend(Session session, String queue, Message m) throws JMSException {
        byte[] payload = body(m);
        Message copy;
        if (m instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(payload);
            copy = bytes;
        }
        for (String name : Collections.list(castNames(m.getPropertyNames()))) {
            // the broker's own bookkeeping (original address, duplicate id, delivery count) stays behind:
            // a copied duplicate id would make the broker drop the retried message as a duplicate
            if (name.startsWith("_AMQ") || (name.startsWith("JMSX") && !BusHeaders.GROUP.equals(name))) {
                continue;
            }
            copy.setObjectProperty(name, m.getObjectProperty(name));
        }
        String group = m.getStringProperty(BusHeaders.GROUP);
        if (group != null) {
            copy.setStringProperty(BusHeaders.GROUP, group);
        }
        copy.setJMSCorrelationID(m.getJMSCorrelationID());
        copy.setJMSType(m.getJMSType());
        try (MessageProducer producer = session.createProducer(session.createQueue(originalQueue(queue)))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(copy);
        }
        return new Taken(describe(queue, m), payload);
    }

    @SuppressWarnings("unchecked")
    private static Enumeration<String> castNames(Enumeration<?> names) {
        return (Enumeration<String>) names;
    }

    private static String selector(String id) {
        return "JMSMessageID = '" + id + "'";
    }

    private DeadLetterMessage describe(String queue, Message m) throws JMSException {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : Collections.list(castNames(m.getPropertyNames()))) {
            if (!name.startsWith("_AMQ") && !name.startsWith("JMSX")) {
                headers.put(name, m.getObjectProperty(name));
            }
        }
        String group = m.getStringProperty(BusHeaders.GROUP);
        if (group != null) {
            headers.put(BusHeaders.GROUP, group);
        }
        long size;
        byte[] head;
        int length;
        if (m instanceof BytesMessage bytes) {
            bytes.reset();
            size = bytes.getBodyLength();
            head = new byte[(int) Math.min(size, previewBytes)];
            length = Math.max(0, bytes.readBytes(head));
            bytes.reset();
        } else if (m instanceof TextMessage text) {
            byte[] all = text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
            size = all.length;
            length = (int) Math.min(size, previewBytes);
            head = all;
        } else {
            size = 0;
            head = new byte[0];
            length = 0;
        }
        boolean truncated = size > length;
        Integer deliveryCount = m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : null;
        return new DeadLetterMessage(m.getJMSMessageID(), queue, originalQueue(queue),
                m.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(m.getJMSTimestamp()), deliveryCount,
                m.getStringProperty(BusHeaders.FAILURE_REASON), headers, size,
                PayloadPreview.of(head, length, truncated), truncated);
    }

    private static byte[] body(Message m) throws JMSException {
        if (m instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] all = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(all);
            return all;
        }
        if (m instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }
}
