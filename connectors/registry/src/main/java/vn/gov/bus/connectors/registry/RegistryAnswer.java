package vn.gov.bus.connectors.registry;

/** What asking the registry about one code gave: its answer, or why there is none. */
public sealed interface RegistryAnswer {

    record Found(Enterprise enterprise) implements RegistryAnswer {
    }

    record NotFound(String code) implements RegistryAnswer {
    }

    /**
     * The registry could not be asked or did not answer in time (after the bounded retries), or
     * the circuit breaker is open and it was not asked at all ({@code shortCircuited}).
     */
    record Unavailable(String reason, boolean shortCircuited) implements RegistryAnswer {
    }

    /**
     * The registry answered, refusing the bus: its credentials (HTTP 401) or its access (403).
     * Asking again changes nothing until an administrator corrects them, so it is neither retried
     * nor a failure for the circuit breaker (the registry is up; opening the breaker would only
     * hide the cause behind "unavailable").
     *
     * @param status the HTTP status, 401 or 403
     */
    record Refused(int status, String reason) implements RegistryAnswer {
    }

    /**
     * The registry answered with a fault that asking again cannot change: it finds the bus's request
     * invalid ({@link RegistryFailureException#INVALID_REQUEST}) — a defect to report, not an
     * outage. Like {@link Refused}, neither retried nor a failure for the circuit breaker.
     *
     * @param faultCode the registry's fault code
     */
    record Rejected(String faultCode, String reason) implements RegistryAnswer {
    }
}
