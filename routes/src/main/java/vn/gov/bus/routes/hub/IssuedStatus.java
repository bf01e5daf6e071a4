package vn.gov.bus.routes.hub;

import vn.gov.bus.core.edxml.EdocPackage;

/** A status package the bus issues on a local agency's behalf, with its stable de-duplication key. */
public record IssuedStatus(EdocPackage status, byte[] bytes, String dedupKey) {
}
