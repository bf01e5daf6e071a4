package vn.gov.bus.core.audit;

/** What happened to a message, or what a person did. Names are stable: they are stored and exported. */
public enum AuditStep {
    RECEIVED,
    /** A received package passed the checks and is on the durable queue; its receipt went to the sender. */
    ACCEPTED,
    REJECTED,
    VALIDATED,
    VERIFIED,
    QUARANTINED,
    ROUTED,
    SIGNED,
    QUEUED,
    DELIVERED,
    ACKNOWLEDGED,
    STATUS_RECEIVED,
    FAILED,
    DEAD_LETTERED,
    RETRIED,
    DISCARDED,
    REPLAYED,
    REVOKED,
    LOOKUP,
    FILE_RECEIVED,
    FILE_PROCESSED,
    RECONCILED,
    REPORT_SENT,
    CHECKPOINT,
    ADMIN_ACTION,
    AUDITOR_ACTION
}
