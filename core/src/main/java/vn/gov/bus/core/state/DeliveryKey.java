package vn.gov.bus.core.state;

/**
 * Identifies one delivery: a document (or status) of a sender to one recipient. The dedup key is
 * the DocumentId for documents; a status package has none of its own, so the routes derive one.
 */
public record DeliveryKey(String senderId, String dedupKey, String recipientId) {
}
