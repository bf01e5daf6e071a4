package vn.gov.bus.routes.registry;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/**
 * Resilience of the registry lookup: bounded retries of one lookup, then the circuit breaker
 * that stops asking a registry that keeps failing.
 *
 * @param maxRetries            further attempts after a failed one (0 = none)
 * @param retryDelay            pause before each further attempt
 * @param failureRateThreshold  percentage of failed lookups (after their retries) that opens the breaker
 * @param slidingWindowSize     lookups the failure rate is computed over
 * @param minimumCalls          lookups needed before the rate counts
 * @param waitInOpenState       how long the open breaker refuses before letting trial lookups through
 *                              (half-open); also the Retry-After given to callers
 * @param callsInHalfOpenState  trial lookups in half-open state that decide close or re-open
 */
public record RegistryLookupSettings(int maxRetries, Duration retryDelay, float failureRateThreshold,
                                     int slidingWindowSize, int minimumCalls, Duration waitInOpenState,
                                     int callsInHalfOpenState) {

    public RegistryLookupSettings {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more: " + maxRetries);
        }
    }

    public CircuitBreaker circuitBreaker() {
        return CircuitBreaker.of("registry", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRateThreshold)
                .waitDurationInOpenState(waitInOpenState)
                .permittedNumberOfCallsInHalfOpenState(callsInHalfOpenState)
                // half-open on the first lookup after the wait, not by a timer thread of its own
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build());
    }
}
