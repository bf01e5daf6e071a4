package vn.gov.bus.connectors.registry;

/**
 * What the bus's lookup services (REST and the legacy SOAP service) call: validate, answer from
 * the cache or the registry, audit. Implemented in the routes module.
 */
public interface EnterpriseLookupBackend {

    /**
     * @throws InvalidEnterpriseCodeException the code is malformed (the registry was not asked)
     * @throws EnterpriseNotFoundException    the registry knows no such code
     * @throws RegistryUnavailableException   the registry is down and nothing is cached
     * @throws RegistryAccessRefusedException the registry refused the bus's credentials and nothing is cached
     * @throws RegistryRequestRejectedException the registry rejected the request as invalid and nothing is cached
     */
    LookupAnswer lookup(LookupRequest request);

    /**
     * A call refused because its caller could not be authenticated: recorded (who claimed to be
     * whom, from where), no lookup made.
     *
     * @param claimedSystem the system id the call claimed, if any (SOAP); null for REST
     */
    default void authenticationFailed(String claimedSystem, String origin) {
    }
}
