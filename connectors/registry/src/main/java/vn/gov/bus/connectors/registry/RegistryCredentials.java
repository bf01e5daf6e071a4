package vn.gov.bus.connectors.registry;

import org.apache.cxf.configuration.security.AuthorizationPolicy;

/**
 * Who the bus is to the registry: HTTP Basic, the way government SOAP services behind a gateway
 * usually authenticate a calling system. No user name means no authentication (the simulator's
 * default, and the bus before credentials were added). The password never appears in
 * {@link #toString()}: this record is logged and shown.
 *
 * @param username the bus's account at the registry; null or blank = no authentication
 * @param password its password; required with a user name
 */
public record RegistryCredentials(String username, String password) {

    private static final RegistryCredentials NONE = new RegistryCredentials(null, null);

    public RegistryCredentials {
        username = username == null || username.isBlank() ? null : username.strip();
        password = password == null || password.isEmpty() ? null : password;
        if (username == null && password != null) {
            throw new IllegalArgumentException("a registry password needs a user name (bus.registry.username)");
        }
        if (username != null && password == null) {
            throw new IllegalArgumentException("registry user " + username + " has no password (bus.registry.password,"
                    + " or a credentialsRef set through the admin API)");
        }
        if (username != null && username.contains(":")) {
            // RFC 7617: the user-id of Basic authentication cannot contain a colon
            throw new IllegalArgumentException("a registry user name cannot contain ':'");
        }
    }

    public static RegistryCredentials none() {
        return NONE;
    }

    public boolean present() {
        return username != null;
    }

    /** The same user with another password (a rotated secret). */
    public RegistryCredentials withPassword(String newPassword) {
        return new RegistryCredentials(username, newPassword);
    }

    /** For CXF's HTTP conduit: sent pre-emptively on every request; null when there is no user. */
    AuthorizationPolicy authorizationPolicy() {
        if (!present()) {
            return null;
        }
        AuthorizationPolicy policy = new AuthorizationPolicy();
        policy.setAuthorizationType("Basic");
        policy.setUserName(username);
        policy.setPassword(password);
        return policy;
    }

    @Override
    public String toString() {
        return present() ? "Basic " + username + ":****" : "none";
    }
}
