package vn.gov.bus.routes;

/** Who this bus is on the axis: the organ id it writes into trace headers and its centre code. */
public record BusIdentity(String organId, String organisationName, String centreCode) {
}
