package vn.gov.bus.connectors.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the bus calls the registry.
 *
 * @param endpoint         the registry's SOAP address (at start: {@link RegistryConnection} may change it)
 * @param credentials      HTTP Basic user and password at start, or none
 * @param connectTimeout   TCP connect bound of one attempt
 * @param receiveTimeout   bound on waiting for the answer of one attempt
 * @param maxResponseBytes largest answer accepted (an enterprise record is a few KB)
 */
public record RegistryClientSettings(URI endpoint, RegistryCredentials credentials, Duration connectTimeout,
                                     Duration receiveTimeout, long maxResponseBytes) {

    /** Without authentication. */
    public RegistryClientSettings(URI endpoint, Duration connectTimeout, Duration receiveTimeout,
                                  long maxResponseBytes) {
        this(endpoint, RegistryCredentials.none(), connectTimeout, receiveTimeout, maxResponseBytes);
    }

    public RegistryClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(receiveTimeout, "receiveTimeout");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
    }
}
