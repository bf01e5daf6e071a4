package vn.gov.bus.connectors.axis;

import java.time.Instant;
import java.util.List;

/**
 * One package waiting for this system on the axis ({@code /getReceivedEdocList}).
 *
 * @param id            the axis docId to pass to {@code getEdoc} and {@code updateStatus}
 * @param status        transport state on the axis (e.g. waiting, processing, fail)
 * @param from          sender organ id
 * @param to            recipient organ ids
 * @param contentSha256 hex SHA-256 of the package, to check the download; may be null
 * @param contentLength package size in bytes, -1 if not given
 * @param messageType   {@code edoc} or {@code status}
 */
public record AxisListItem(String id, String status, String from, List<String> to, Instant createdTime,
                           String contentSha256, long contentLength, String messageType) {

    public AxisListItem {
        to = to == null ? List.of() : List.copyOf(to);
    }
}
