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
}
