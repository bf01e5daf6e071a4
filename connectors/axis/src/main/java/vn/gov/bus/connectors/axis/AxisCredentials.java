package vn.gov.bus.connectors.axis;

import java.util.Objects;

/** A system's identity on the axis: the system id (centre code) and its shared HMAC secret. */
public record AxisCredentials(String systemId, String secret) {

    public AxisCredentials {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(secret, "secret");
        if (systemId.isBlank()) {
            throw new IllegalArgumentException("systemId must not be blank");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
    }

    /** Never prints the secret: credentials end up in logs through exception messages. */
    @Override
    public String toString() {
        return "AxisCredentials[systemId=" + systemId + ", secret=***]";
    }
}
