package vn.gov.bus.connectors.qlvb;

import java.time.Instant;
import java.util.Objects;

/**
 * The hub's answer to an accepted package.
 *
 * @param messageId  the bus's own id for the package
 * @param documentId {@code MessageHeader/DocumentId} of the package
 * @param receivedAt when the bus durably queued it
 */
public record SendReceipt(String messageId, String documentId, Instant receivedAt) {
    public SendReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
