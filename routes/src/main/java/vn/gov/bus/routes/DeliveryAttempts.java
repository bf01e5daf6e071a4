package vn.gov.bus.routes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many attempts the broker makes on each bus queue before it dead-letters a message. The
 * broker owns redelivery (its address settings), but the bus must know the number too: the audit
 * records the last attempt as DEAD_LETTERED, and a mail that failed on its last attempt makes the
 * bus tell the document's sender. An administrator can change the number live (admin API, retry
 * policy), so it is looked up per message instead of being read once from bus.broker.*.
 */
public class DeliveryAttempts {

    private final int configured;
    private final Map<String, Integer> retuned = new ConcurrentHashMap<>();

    public DeliveryAttempts(int configured) {
        this.configured = configured;
    }

    /** The attempts now in force on the queue (the configured number unless retuned). */
    public int of(String queue) {
        return queue == null ? configured : retuned.getOrDefault(queue, configured);
    }

    public void retune(String queue, int attempts) {
        retuned.put(queue, attempts);
    }
}
