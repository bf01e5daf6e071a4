package vn.gov.bus.connectors.qlvb;

import java.util.Objects;

/**
 * An agency a local document system may address.
 *
 * @param organId mã định danh (QCVN 102:2016)
 * @param name    the agency's name
 * @param channel how the bus reaches it, e.g. {@code LOCAL}, {@code AXIS}, {@code MAIL}
 */
public record Organization(String organId, String name, String channel) {
    public Organization {
        Objects.requireNonNull(organId, "organId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
    }
}
