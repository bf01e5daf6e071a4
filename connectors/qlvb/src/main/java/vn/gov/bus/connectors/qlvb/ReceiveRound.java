package vn.gov.bus.connectors.qlvb;

import java.util.List;

/**
 * Outcome of one pass of a local document system's receive loop: what it fetched and confirmed,
 * and what it could not (left pending on the hub, so the next pass tries again).
 */
public record ReceiveRound(List<ReceivedDocument> received, List<Failure> failures) {

    public ReceiveRound {
        received = List.copyOf(received);
        failures = List.copyOf(failures);
    }

    /** A pending item that could not be fetched or confirmed. */
    public record Failure(PendingItem item, HubCallException error) {
    }
}
