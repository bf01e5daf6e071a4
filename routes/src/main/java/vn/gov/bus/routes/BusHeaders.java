package vn.gov.bus.routes;

/** JMS/Camel header names carried by every message on the bus's queues. */
public final class BusHeaders {

    /** The bus's own id of an accepted package (returned to the sender). */
    public static final String MESSAGE_ID = "BusMessageId";
    /** The package's edXML DocumentId (for a status: the document it answers). */
    public static final String DOCUMENT_ID = "BusDocumentId";
    /** Organ id of the sender, as authenticated at ingress. */
    public static final String SENDER_ID = "BusSenderId";
    /** EDOC or STATUS. */
    public static final String MESSAGE_TYPE = "BusMessageType";
    /** Key that makes a delivery unique per sender and recipient (DocumentId for documents). */
    public static final String DEDUP_KEY = "BusDedupKey";
    /** Comma-separated organ ids a delivery message is meant for. */
    public static final String RECIPIENTS = "BusRecipients";
    public static final String CHANNEL = "BusChannel";
    /** How a received package's signature was judged: outcome, then any warnings (incoming only). */
    public static final String VERIFICATION = "BusVerification";
    /**
     * JMS message group (Artemis): every message about one document (the document, its statuses,
     * its revocation) carries the DocumentId, so the broker hands them to one consumer at a time
     * and they leave the bus in the order they entered it (01, then 03 … 06).
     */
    public static final String GROUP = "JMSXGroupID";
    /** Why a message was dead-lettered. */
    public static final String FAILURE_REASON = "BusFailureReason";
    /** Ties the audit records of one action together (e.g. a replay and the delivery it caused). */
    public static final String CORRELATION_ID = "BusCorrelationId";
    /** On a replayed message: deliver it again even if the ledger says it was delivered (operator's choice). */
    public static final String REPLAY_FORCE = "BusReplayForce";

    private BusHeaders() {
    }

    /** The headers every package carries on the bus's queues (a mutable map: callers may add more). */
    public static java.util.Map<String, Object> of(String messageId, String documentId, String senderId,
                                                   String messageType, String dedupKey) {
        java.util.Map<String, Object> headers = new java.util.HashMap<>();
        headers.put(MESSAGE_ID, messageId);
        headers.put(DOCUMENT_ID, documentId);
        headers.put(SENDER_ID, senderId);
        headers.put(MESSAGE_TYPE, messageType);
        headers.put(DEDUP_KEY, dedupKey);
        if (documentId != null) {
            headers.put(GROUP, documentId);
        }
        return headers;
    }
}
