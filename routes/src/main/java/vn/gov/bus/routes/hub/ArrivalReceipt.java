package vn.gov.bus.routes.hub;

import vn.gov.bus.core.edxml.EdocPackage;

/** A status 01 package ready to be queued, with its de-duplication key. */
public record ArrivalReceipt(EdocPackage status, byte[] bytes, String dedupKey) {
}
