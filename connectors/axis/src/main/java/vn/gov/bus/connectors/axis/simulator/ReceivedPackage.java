package vn.gov.bus.connectors.axis.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A package held by the simulator: sent to it through {@code /sendEdoc}, or injected by a test
 * with {@link AxisSimulator#enqueueIncoming}.
 *
 * @param docId          the axis id the simulator assigned
 * @param senderSystemId the system that sent it, or null for an injected package
 * @param documentId     parsed {@code MessageHeader/DocumentId} (null if unreadable and injected)
 * @param fromOrganId    parsed {@code From/OrganId}
 * @param toOrganIds     parsed recipients
 * @param messageType    {@code edoc} or {@code status}
 * @param sha256         hex SHA-256 of {@link #content()}
 */
public record ReceivedPackage(String docId, String senderSystemId, String documentId, String fromOrganId,
                              List<String> toOrganIds, String messageType, byte[] content, String sha256,
                              Instant receivedAt) {

    public ReceivedPackage {
        toOrganIds = List.copyOf(toOrganIds);
        content = content.clone();
    }

    /** A copy: callers cannot change what the simulator serves. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    public int contentLength() {
        return content.length;
    }

    @Override
    public String toString() {
        return "ReceivedPackage[docId=" + docId + ", senderSystemId=" + senderSystemId + ", documentId="
                + documentId + ", from=" + fromOrganId + ", to=" + toOrganIds + ", messageType=" + messageType
                + ", " + content.length + " bytes, receivedAt=" + receivedAt + "]";
    }
}
