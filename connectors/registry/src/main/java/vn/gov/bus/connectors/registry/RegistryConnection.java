package vn.gov.bus.connectors.registry;

import java.net.URI;
import java.util.Objects;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Where and as whom the bus calls the registry, changeable while lookups run. Each outgoing SOAP
 * request reads the target in force once, when CXF sets it up ({@link #interceptor()}): its
 * address and its Basic credentials come from the same snapshot, so a call already sent finishes
 * on the old target and the next one uses the new, and no call ever mixes the two.
 *
 * <p>Per-message {@link Message#ENDPOINT_ADDRESS} and {@link AuthorizationPolicy} are what CXF's
 * HTTP conduit honours over its own defaults; the conduit is the one selected when the client was
 * created, so the timeouts and the no-redirect policy set on it stay in force for any address.
 */
public final class RegistryConnection {

    /** The address and credentials one call uses. */
    public record Target(URI endpoint, RegistryCredentials credentials) {

        public Target {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    private volatile Target target;

    public RegistryConnection(URI endpoint, RegistryCredentials credentials) {
        this.target = new Target(endpoint, credentials);
    }

    public Target target() {
        return target;
    }

    public URI endpoint() {
        return target.endpoint();
    }

    /**
     * Puts a new address and/or password in force; null keeps the current one. The user name is
     * the configured one ({@code bus.registry.username}). Throws, changing nothing, when the
     * result would be invalid (a password without a user name).
     */
    public synchronized Target reconfigure(URI endpoint, String password) {
        Target current = target;
        RegistryCredentials credentials = current.credentials();
        if (password != null) {
            if (!credentials.present()) {
                throw new IllegalArgumentException("the registry is called without authentication (no"
                        + " bus.registry.username): a password cannot be used");
            }
            credentials = credentials.withPassword(password);
        }
        Target next = new Target(endpoint == null ? current.endpoint() : endpoint, credentials);
        target = next;
        return next;
    }

    /** The CXF client interceptor that stamps each request with the target in force. */
    public AbstractPhaseInterceptor<Message> interceptor() {
        return new TargetInterceptor(this);
    }

    private static final class TargetInterceptor extends AbstractPhaseInterceptor<Message> {

        private final RegistryConnection connection;

        TargetInterceptor(RegistryConnection connection) {
            // SETUP runs before the conduit prepares the HTTP request (PREPARE_SEND)
            super(Phase.SETUP);
            this.connection = connection;
        }

        @Override
        public void handleMessage(Message message) throws Fault {
            Target now = connection.target();
            message.put(Message.ENDPOINT_ADDRESS, now.endpoint().toString());
            AuthorizationPolicy policy = now.credentials().authorizationPolicy();
            if (policy != null) {
                message.put(AuthorizationPolicy.class, policy);
            }
        }
    }
}
