package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.connectors.registry.RegistryConnection;
import vn.gov.bus.routes.registry.RegistryLookupRoute;

/**
 * The business registry's SOAP address and HTTP Basic password, as settings of
 * {@code registry-call} (the route that calls it). The user name stays the configured
 * {@code bus.registry.username}: a password is only the secret of that account.
 *
 * <p>A new address resets the circuit breaker: its state and failure window describe the old
 * address, and an administrator who moves away from a registry that is down (breaker open) wants
 * the next lookups to reach the new one, not to wait out {@code wait-in-open-state}. A new password
 * alone leaves it as it is (refusals of the old password never counted as failures). The cache is
 * kept either way: it holds the national registry's data, not one address's.
 */
public final class RegistryConnectorTuning implements TunableConnector {

    private static final Logger log = LoggerFactory.getLogger(RegistryConnectorTuning.class);

    private final RegistryConnection connection;
    private final CircuitBreaker breaker;
    private final RegistryConnection.Target configured;

    /** Made with the connection, before anything retunes it: what it has then is the configuration. */
    public RegistryConnectorTuning(RegistryConnection connection, CircuitBreaker breaker) {
        this.connection = connection;
        this.breaker = breaker;
        this.configured = connection.target();
    }

    @Override
    public String routeId() {
        return RegistryLookupRoute.CALL_ROUTE_ID;
    }

    @Override
    public URI endpoint() {
        return connection.endpoint();
    }

    @Override
    public URI parseEndpoint(String text) {
        return EndpointUrls.http(text);
    }

    @Override
    public void apply(URI endpoint, String secret) {
        if (secret != null && !configured.credentials().present()) {
            throw ApiProblem.invalid("credentialsRef", "username-configured",
                    "the registry is called without authentication (bus.registry.username is empty): a credentialsRef"
                            + " needs the user name it is the password of; configure bus.registry.username first",
                    "trục đang gọi CSDL đăng ký doanh nghiệp không xác thực (bus.registry.username trống): cần cấu hình"
                            + " tên đăng nhập trước khi đặt credentialsRef");
        }
        URI before = connection.endpoint();
        RegistryConnection.Target now = connection.reconfigure(endpoint != null ? endpoint : configured.endpoint(),
                secret != null ? secret : configured.credentials().password());
        if (!now.endpoint().equals(before)) {
            breaker.reset();
            log.info("business registry moved from {} to {}: circuit breaker reset", before, now.endpoint());
        }
    }
}
