package vn.gov.bus.connectors.registry;

import java.util.Optional;

/**
 * Who is calling the lookup service: the one place the check is made, for REST and SOAP alike,
 * so that the later security layer (Spring Security, issue 8) replaces one bean. Implementations
 * must answer an unknown token and a wrong one the same way.
 */
@FunctionalInterface
public interface CallerAuthenticator {

    /** @return the calling system's id, or empty when the token is not one of a known system */
    Optional<String> authenticate(String token);
}
