package vn.gov.bus.connectors.axis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom the client talks to the axis.
 *
 * @param endpoint       base URI; each operation is {@code POST {endpoint}/{operation}}
 * @param systemId       system id on the axis (e.g. the provincial centre code {@code 00.53.W00})
 * @param secret         shared HMAC secret of that system
 * @param fromOrganId    value of the {@code from} field: the centre code / organ the bus speaks for
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole-request timeout (headers and body of the answer)
 */
public record AxisClientConfig(URI endpoint, String systemId, String secret, String fromOrganId,
                               Duration connectTimeout, Duration requestTimeout) {

    public AxisClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fromOrganId, "fromOrganId");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!"http".equalsIgnoreCase(endpoint.getScheme()) && !"https".equalsIgnoreCase(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http(s) URI, was " + endpoint);
        }
        if (fromOrganId.isBlank()) {
            throw new IllegalArgumentException("fromOrganId must not be blank");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        new AxisCredentials(systemId, secret); // same checks on systemId and secret
    }

    public AxisCredentials credentials() {
        return new AxisCredentials(systemId, secret);
    }

    /** The URI of one operation, tolerant of a trailing slash on the endpoint. */
    public URI operationUri(String operation) {
        String base = endpoint.toString();
        return URI.create(base.endsWith("/") ? base + operation : base + "/" + operation);
    }

    @Override
    public String toString() {
        return "AxisClientConfig[endpoint=" + endpoint + ", systemId=" + systemId + ", secret=***"
                + ", fromOrganId=" + fromOrganId + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
