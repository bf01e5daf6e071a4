package vn.gov.bus.connectors.qlvb;

/**
 * Checks the {@code AgencyCredentials} SOAP header. Implementations must answer {@code false}
 * the same way for an unknown organ and for a wrong token, so a caller cannot probe which
 * organ ids exist.
 */
@FunctionalInterface
public interface HubAuthenticator {
    boolean authenticate(String organId, String token);
}
