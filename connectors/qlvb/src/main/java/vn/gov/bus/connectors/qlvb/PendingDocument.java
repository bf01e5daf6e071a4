package vn.gov.bus.connectors.qlvb;

import java.util.Objects;

/**
 * A waiting package, as fetched.
 *
 * @param id          the bus's id
 * @param messageType {@code EDOC} or {@code STATUS}
 * @param pkg         the edXML package bytes, unaltered
 */
public record PendingDocument(String id, String messageType, byte[] pkg) {
    public PendingDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(pkg, "pkg");
    }
}
