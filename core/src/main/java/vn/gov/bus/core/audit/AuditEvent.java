package vn.gov.bus.core.audit;

import java.util.Objects;

/**
 * One step of one message, or one action of a person. Every field but step and outcome may be
 * null. {@code payload} is the exact bytes the step saw (stored once by digest, may be null);
 * {@code actor} is who acted (an organ id for systems, a user name for people) and
 * {@code origin} from where (remote address, route id of a poller).
 */
public record AuditEvent(AuditStep step, AuditOutcome outcome, String messageId, String documentId,
                         String correlationId, String routeId, String senderId, String recipientId,
                         String actor, String origin, String detail, byte[] payload) {

    public AuditEvent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Builder of(AuditStep step) {
        return new Builder(step);
    }

    /** Fluent construction: {@code AuditEvent.of(DELIVERED).messageId(id).routeId("deliver-axis").build()}. */
    public static final class Builder {
        private final AuditStep step;
        private AuditOutcome outcome = AuditOutcome.OK;
        private String messageId;
        private String documentId;
        private String correlationId;
        private String routeId;
        private String senderId;
        private String recipientId;
        private String actor;
        private String origin;
        private String detail;
        private byte[] payload;

        private Builder(AuditStep step) {
            this.step = Objects.requireNonNull(step, "step");
        }

        public Builder outcome(AuditOutcome value) { this.outcome = value; return this; }
        public Builder messageId(String value) { this.messageId = value; return this; }
        public Builder documentId(String value) { this.documentId = value; return this; }
        public Builder correlationId(String value) { this.correlationId = value; return this; }
        public Builder routeId(String value) { this.routeId = value; return this; }
        public Builder senderId(String value) { this.senderId = value; return this; }
        public Builder recipientId(String value) { this.recipientId = value; return this; }
        public Builder actor(String value) { this.actor = value; return this; }
        public Builder origin(String value) { this.origin = value; return this; }
        public Builder detail(String value) { this.detail = value; return this; }
        public Builder payload(byte[] value) { this.payload = value; return this; }

        public AuditEvent build() {
            return new AuditEvent(step, outcome, messageId, documentId, correlationId, routeId, senderId,
                    recipientId, actor, origin, detail, payload);
        }
    }
}
