package vn.gov.bus.core.audit;

/**
 * The one narrow interface the message path uses to write the audit log: "append this record".
 * It knows no table layout, hash chain or payload store; the implementation behind it does.
 * Implementations must be fast on the caller's thread and must never lose an accepted record.
 */
public interface AuditTrail {

    /** Appends one record. Never throws for a well-formed event. */
    void record(AuditEvent event);
}
