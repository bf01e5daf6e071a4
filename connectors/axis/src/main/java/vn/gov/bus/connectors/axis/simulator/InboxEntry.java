package vn.gov.bus.connectors.axis.simulator;

import java.time.Instant;

/**
 * A package addressed to one system, and how far that system got with it.
 *
 * @param status {@code waiting} until acknowledged, then {@code processing}, {@code fail}
 *               (with {@link #reason()}) or {@code done}
 */
public record InboxEntry(String systemId, ReceivedPackage pkg, String status, String reason, Instant updatedAt) {

    public static final String WAITING = "waiting";

    public String docId() {
        return pkg.docId();
    }
}
