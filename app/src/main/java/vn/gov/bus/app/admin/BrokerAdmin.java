package vn.gov.bus.app.admin;

/**
 * The broker operations the admin API needs that plain JMS does not offer. One implementation
 * ({@link JmsManagementBrokerAdmin}) speaks Artemis's management protocol over JMS, so it works the
 * same with the embedded broker and an external one.
 */
public interface BrokerAdmin {

    /** Messages on the queue and consumers attached to it. */
    QueueCounts counts(String queue);

    /**
     * Sets the broker's redelivery settings of one queue's address (live: the next failed delivery
     * uses them). The dead-letter address and the message-group buckets are written again with them.
     */
    void applyRetryPolicy(String queue, RetryPolicy policy, String deadLetterQueue, int groupBuckets);

    /** The broker's current address settings of a queue, as its JSON (what is in force). */
    String addressSettings(String queue);

    record QueueCounts(long messages, int consumers) {
    }

    /** The broker refused or did not answer a management request. */
    class BrokerAdminException extends RuntimeException {
        public BrokerAdminException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
