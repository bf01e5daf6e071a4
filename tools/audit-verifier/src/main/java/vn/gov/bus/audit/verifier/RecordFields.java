package vn.gov.bus.audit.verifier;

/**
 * The fields of one audit record that the hash chain covers, as text exactly as they are hashed.
 * Every field except {@code seq}, {@code time}, {@code step} and {@code outcome} may be null.
 *
 * @param time          UTC, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} (always three fraction digits)
 * @param payloadSha256 lowercase hex SHA-256 of the exact payload bytes, or null when the step had none
 */
public record RecordFields(long seq, String time, String step, String outcome, String messageId,
                           String documentId, String correlationId, String routeId, String senderId,
                           String recipientId, String actor, String origin, String detail,
                           String payloadSha256) {

    /** The fields in canonical order (the order of {@link RecordEncoding}). */
    String[] inOrder() {
        return new String[] {Long.toString(seq), time, step, outcome, messageId, documentId, correlationId,
                routeId, senderId, recipientId, actor, origin, detail, payloadSha256};
    }
}
