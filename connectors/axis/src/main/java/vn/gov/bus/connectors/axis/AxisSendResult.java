package vn.gov.bus.connectors.axis;

/**
 * The axis accepted a package.
 *
 * @param docId         the axis's own id for it (not the edXML DocumentId)
 * @param contentSha256 hex SHA-256 of the bytes sent, for reconciliation
 */
public record AxisSendResult(String docId, String contentSha256) {
}
