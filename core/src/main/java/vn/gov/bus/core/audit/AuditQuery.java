package vn.gov.bus.core.audit;

import java.time.Instant;

/**
 * What an auditor searches for; null fields do not filter. {@code agency} matches the sender or the
 * recipient; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(String documentId, String messageId, String correlationId, String agency, String routeId,
                         AuditStep step, AuditOutcome outcome, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, null);
    }

    public static AuditQuery byDocument(String documentId) {
        return new AuditQuery(documentId, null, null, null, null, null, null, null, null);
    }

    public static AuditQuery byCorrelation(String correlationId) {
        return new AuditQuery(null, null, correlationId, null, null, null, null, null, null);
    }

    public static AuditQuery byMessage(String messageId) {
        return new AuditQuery(null, messageId, null, null, null, null, null, null, null);
    }
}
