package vn.gov.bus.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The national business registry and the bus's enterprise lookup service; see
 * docs/configuration.md ("bus.registry").
 *
 * @param endpoint           the registry's SOAP address; empty = the built-in simulator
 * @param username           the bus's HTTP Basic user at the registry; empty = no authentication
 * @param password           its password (an administrator may replace it with a credentialsRef)
 * @param connectTimeout     TCP connect bound of one attempt
 * @param requestTimeout     bound on waiting for one attempt's answer
 * @param maxResponseSize    largest registry answer accepted
 * @param cacheLifetime      how long a cached answer is given without asking the registry again
 * @param maxRetries         further attempts after a failed one
 * @param retryDelay         pause before each further attempt
 * @param checkDigitTenAsZero accept a tax code whose weighted sum mod 11 is 0 with check digit 0
 * @param callers            calling system id → hex SHA-256 of its token
 */
@Validated
@ConfigurationProperties("bus.registry")
public record RegistryProperties(
        URI endpoint,
        String username,
        String password,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("256KB") DataSize maxResponseSize,
        @DefaultValue("24h") Duration cacheLifetime,
        @DefaultValue("2") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("200ms") Duration retryDelay,
        @DefaultValue("false") boolean checkDigitTenAsZero,
        @Valid @NotNull @DefaultValue Breaker breaker,
        Map<String, String> callers) {

    public RegistryProperties {
        callers = callers == null ? Map.of() : Map.copyOf(callers);
    }

    /** The built-in simulator is used when no endpoint is configured. */
    public boolean useSimulator() {
        return endpoint == null || endpoint.toString().isBlank();
    }

    /**
     * The circuit breaker around the registry (Resilience4j, count-based window).
     *
     * @param failureRateThreshold percentage of failed lookups in the window that opens it
     * @param slidingWindowSize    lookups in the window
     * @param minimumCalls         lookups before the rate counts
     * @param waitInOpenState      refusal time before half-open trial lookups; also the Retry-After advice
     * @param callsInHalfOpenState trial lookups that decide close or re-open
     */
    public record Breaker(@DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
                          @DefaultValue("20") @Min(1) int slidingWindowSize,
                          @DefaultValue("10") @Min(1) int minimumCalls,
                          @DefaultValue("30s") Duration waitInOpenState,
                          @DefaultValue("2") @Min(1) int callsInHalfOpenState) {
    }
}
