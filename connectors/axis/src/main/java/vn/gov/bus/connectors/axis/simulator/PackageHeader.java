package vn.gov.bus.connectors.axis.simulator;

import java.util.List;

/**
 * What the axis reads from a package to route and reconcile it.
 *
 * @param documentId  {@code MessageHeader/DocumentId} (for a status package: the
 *                    {@code ResponseFor/DocumentId} it answers); may be null for a status
 * @param fromOrganId {@code MessageHeader/From/OrganId}
 * @param toOrganIds  {@code MessageHeader/To/OrganId} in order, without duplicates (for a status
 *                    package: {@code ResponseFor/OrganId}, the original sender)
 */
public record PackageHeader(String documentId, String fromOrganId, List<String> toOrganIds) {

    public PackageHeader {
        toOrganIds = List.copyOf(toOrganIds);
    }

    static PackageHeader unknown() {
        return new PackageHeader(null, null, List.of());
    }
}
