package vn.gov.bus.connectors.qlvb;

import java.util.List;

/**
 * What the hub's SOAP service needs from the bus. The bus's routes implement it; the SOAP
 * layer ({@link DocumentHubEndpoint}) only authenticates, checks the request's shape and
 * translates. Every method receives the organ id that was already authenticated, never one
 * taken from the request body.
 */
public interface HubBackend {

    /**
     * Accepts a package sent by a local document system. Returns only after the package is
     * durably queued, because the receipt tells the sender it may forget the package.
     *
     * @param messageType {@code EDOC} or {@code STATUS}
     * @throws HubRejection when the package is refused; its field and rule reach the sender
     */
    SendReceipt send(String organId, String messageType, byte[] pkg) throws HubRejection;

    /** Packages waiting for {@code organId}, oldest first. */
    List<PendingItem> pending(String organId);

    /** One waiting package; {@code NOT_FOUND} when it does not exist or is not for this organ. */
    PendingDocument fetch(String organId, String id) throws HubRejection;

    /** The organ has stored the package: it leaves the pending list. */
    void confirmReceived(String organId, String id) throws HubRejection;

    /** Agencies a local document system may address. */
    List<Organization> organizations();
}
