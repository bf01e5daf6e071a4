package vn.gov.bus.core.audit;

/**
 * The one narrow interface the message path uses to write the audit log: "append this record".
 * It knows no table layout, hash chain or payload store; the implementation behind it does.
 * Implementations must be fast on the caller's thread and must never lose an accepted record.
 */
public interface AuditTrail {

    /** Appends one record. Never throws for a well-formed event. */
    void record(AuditEvent event);

    /**
     * Appends several records of one step in this order; an implementation may commit them
     * together (one wait instead of one per record).
     */
    default void recordAll(java.util.List<AuditEvent> events) {
        events.forEach(this::record);
    }

    /**
     * Appends one record without waiting for its commit. Records are committed in the order they
     * are handed over, so the caller's next {@link #record} (which waits) makes this one durable
     * too: use it for a step that is followed, before anything is told to the outside (a SOAP
     * answer, a JMS commit, an acknowledgement), by a step recorded with {@link #record}.
     */
    default void handOver(AuditEvent event) {
        record(event);
    }
}
