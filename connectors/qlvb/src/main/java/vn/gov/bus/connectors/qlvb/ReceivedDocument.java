package vn.gov.bus.connectors.qlvb;

import java.util.Objects;

/** A package a local document system fetched from the hub and confirmed. */
public record ReceivedDocument(PendingItem item, byte[] pkg) {
    public ReceivedDocument {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(pkg, "pkg");
    }
}
