package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.routes.BusHeaders;

/**
 * The bus's queues for operators: depth and consumers of each queue and of its dead-letter queue,
 * and the dead letters themselves — browsed, retried (one or all) or discarded with a reason, each
 * retry and discard audited (RETRIED, DISCARDED) with the operator. A retried document that had in
 * fact been delivered is not delivered twice: the delivery routes consult the delivery ledger.
 */
public class QueueAdministration {

    private static final Logger log = LoggerFactory.getLogger(QueueAdministration.class);
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_REASON = 1000;

    private final List<String> queues;
    private final BrokerAdmin broker;
    private final DeadLetters deadLetters;
    private final AuditTrail audit;
    private final long retryAllLimit;

    public QueueAdministration(List<String> queues, BrokerAdmin broker, DeadLetters deadLetters, AuditTrail audit,
                               long retryAllLimit) {
        this.queues = List.copyOf(queues);
        this.broker = broker;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.retryAllLimit = retryAllLimit;
    }

    /** One queue's counts. {@code deadLetter}: a DLQ.<queue>, whose messages wait for an operator. */
    public record QueueView(String name, boolean deadLetter, String deadLetterQueue, String originalQueue,
                            long messages, int consumers) {
    }

    public record Page(String queue, int page, int size, long total, List<DeadLetterMessage> messages) {
    }

    public record RetryAllResult(String queue, String originalQueue, int retried) {
    }

    public List<QueueView> list() {
        List<QueueView> views = new ArrayList<>();
        for (String queue : queues) {
            BrokerAdmin.QueueCounts c = broker.counts(queue);
            views.add(new QueueView(queue, false, DeadLetters.PREFIX + queue, null, c.messages(), c.consumers()));
            String dlq = DeadLetters.PREFIX + queue;
            BrokerAdmin.QueueCounts d = broker.counts(dlq);
            views.add(new QueueView(dlq, true, null, queue, d.messages(), d.consumers()));
        }
        return views;
    }

    public Page browse(String queue, int page, int size) {
        requireDeadLetterQueue(queue);
        if (page < 0) {
            throw ApiProblem.invalid("page", "min 0", "page must be 0 or more", "page phải từ 0 trở lên");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("size", "range 1.." + MAX_PAGE_SIZE, "size must be between 1 and " + MAX_PAGE_SIZE,
                    "size phải từ 1 đến " + MAX_PAGE_SIZE);
        }
        long total = broker.counts(queue).messages();
        return new Page(queue, page, size, total, deadLetters.browse(queue, page, size));
    }

    public DeadLetterMessage one(String queue, String id) {
        requireDeadLetterQueue(queue);
        return deadLetters.find(queue, id).orElseThrow(() -> missing(queue, id));
    }

    public DeadLetterMessage retry(String queue, String id, String operator, String origin) {
        requireDeadLetterQueue(queue);
        DeadLetters.Taken taken = deadLetters.retry(queue, id).orElseThrow(() -> missing(queue, id));
        audit.record(retried(taken, operator, origin));
        log.info("{} retried {} from {} to {}", operator, id, queue, DeadLetters.originalQueue(queue));
        return taken.message();
    }

    public RetryAllResult retryAll(String queue, String operator, String origin) {
        requireDeadLetterQueue(queue);
        // only what is there now: a message that fails again and comes back is not taken again by this call
        long limit = Math.min(broker.counts(queue).messages(), retryAllLimit);
        int moved = deadLetters.retryAll(queue, limit, 50,
                batch -> audit.recordAll(batch.stream().map(t -> retried(t, operator, origin)).toList()));
        log.info("{} retried {} messages from {} to {}", operator, moved, queue, DeadLetters.originalQueue(queue));
        return new RetryAllResult(queue, DeadLetters.originalQueue(queue), moved);
    }

    public DeadLetterMessage discard(String queue, String id, String reason, String operator, String origin) {
        requireDeadLetterQueue(queue);
        DeadLetters.checkId(id);
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "required", "a discard needs a reason", "phải nêu lý do hủy");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiProblem.invalid("reason", "max-length " + MAX_REASON, "the reason may have at most "
                    + MAX_REASON + " characters", "lý do tối đa " + MAX_REASON + " ký tự");
        }
        String why = reason.strip();
        DeadLetters.Taken taken = deadLetters.discard(queue, id, t -> audit.record(event(AuditStep.DISCARDED, t,
                        operator, origin).outcome(AuditOutcome.WARNING).payload(t.payload())
                        .detail("discarded from " + queue + " (" + id + "): " + why).build()))
                .orElseThrow(() -> missing(queue, id));
        log.info("{} discarded {} from {}: {}", operator, id, queue, why);
        return taken.message();
    }

    private AuditEvent retried(DeadLetters.Taken t, String operator, String origin) {
        return event(AuditStep.RETRIED, t, operator, origin).detail("moved from " + t.message().queue() + " to "
                + t.message().originalQueue() + " (" + t.message().id() + ")").build();
    }

    private static AuditEvent.Builder event(AuditStep step, DeadLetters.Taken t, String operator, String origin) {
        var h = t.message().headers();
        return AuditEvent.of(step).routeId("admin-api").actor(operator).origin(origin)
                .messageId(text(h.get(BusHeaders.MESSAGE_ID))).documentId(text(h.get(BusHeaders.DOCUMENT_ID)))
                .senderId(text(h.get(BusHeaders.SENDER_ID))).recipientId(text(h.get(BusHeaders.RECIPIENTS)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private void requireDeadLetterQueue(String queue) {
        Set<String> known = Set.copyOf(queues);
        if (queue == null || !queue.startsWith(DeadLetters.PREFIX) || !known.contains(DeadLetters.originalQueue(queue))) {
            if (queue != null && known.contains(queue)) {
                throw ApiProblem.invalid("queue", "dead-letter-queue", "only dead-letter queues (DLQ.<queue>) are "
                        + "browsed and retried here; " + queue + " is a live queue", "chỉ hàng đợi thư chết (DLQ.…)");
            }
            throw ApiProblem.notFound("queue", "no dead-letter queue '" + queue + "' (known: DLQ. + " + queues + ")",
                    "không có hàng đợi '" + queue + "'");
        }
    }

    private static ApiProblem missing(String queue, String id) {
        return ApiProblem.notFound("id", "no message " + id + " on " + queue + " (already retried or discarded?)",
                "không có thông điệp " + id + " trong " + queue);
    }
}
