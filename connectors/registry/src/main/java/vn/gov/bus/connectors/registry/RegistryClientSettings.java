package vn.gov.bus.connectors.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bus calls the registry.
 *
 * @param endpoint         the registry's SOAP address
 * @param connectTimeout   TCP connect bound of one attempt
 * @param receiveTimeout   bound on waiting for the answer of one attempt
 * @param maxResponseBytes largest answer accepted (an enterprise record is a few KB)
 */
public record RegistryClientSettings(URI endpoint, Duration connectTimeout, Duration receiveTimeout,
                                     long maxResponseBytes) {

    public RegistryClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(receiveTimeout, "receiveTimeout");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
    }
}
