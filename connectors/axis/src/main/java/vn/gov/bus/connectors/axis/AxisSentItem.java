package vn.gov.bus.connectors.axis;

import java.time.Instant;
import java.util.List;

/**
 * One package this system sent ({@code /getSentEdocList}).
 *
 * @param docId         the axis's id
 * @param documentId    the edXML {@code MessageHeader/DocumentId} the axis read from the package
 * @param sendStatus    whether the axis accepted it
 * @param receiveStatus how far the recipients got (e.g. waiting, done, fail, unrouted)
 */
public record AxisSentItem(String docId, String documentId, String from, List<String> to,
                           String sendStatus, String receiveStatus, Instant createdTime) {

    public AxisSentItem {
        to = to == null ? List.of() : List.copyOf(to);
    }
}
