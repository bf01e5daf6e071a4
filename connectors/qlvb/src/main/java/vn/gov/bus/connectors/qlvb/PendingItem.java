package vn.gov.bus.connectors.qlvb;

import java.time.Instant;
import java.util.Objects;

/**
 * A package waiting for a local document system.
 *
 * @param id          the bus's id, used to fetch and confirm
 * @param documentId  {@code MessageHeader/DocumentId} of the package
 * @param from        organ id of the sender
 * @param messageType {@code EDOC} or {@code STATUS}
 * @param receivedAt  when the bus received it
 */
public record PendingItem(String id, String documentId, String from, String messageType, Instant receivedAt) {
    public PendingItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
