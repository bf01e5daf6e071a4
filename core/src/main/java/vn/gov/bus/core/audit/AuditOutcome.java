package vn.gov.bus.core.audit;

public enum AuditOutcome {
    OK,
    WARNING,
    REFUSED,
    ERROR
}
