package vn.gov.bus.app.config;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.xml.ws.Endpoint;
import java.net.URI;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.app.admin.RegistryConnectorTuning;
import vn.gov.bus.connectors.registry.CallerAuthenticator;
import vn.gov.bus.connectors.registry.EnterpriseCache;
import vn.gov.bus.connectors.registry.EnterpriseCodeValidator;
import vn.gov.bus.connectors.registry.EnterpriseLookupEndpoint;
import vn.gov.bus.connectors.registry.EnterpriseLookupPublisher;
import vn.gov.bus.connectors.registry.RegistryClientSettings;
import vn.gov.bus.connectors.registry.RegistryConnection;
import vn.gov.bus.connectors.registry.RegistryCredentials;
import vn.gov.bus.connectors.registry.RegistryEndpoints;
import vn.gov.bus.connectors.registry.TokenDigestAuthenticator;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;
import vn.gov.bus.routes.registry.EnterpriseLookupService;
import vn.gov.bus.routes.registry.RegistryLookupSettings;

/**
 * The registry client (camel-cxf endpoint), its cache and resilience settings, the callers of
 * the lookup service, and the legacy SOAP service at {cxf.path}/enterprise-lookup. REST is
 * {@code EnterpriseLookupController}.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

    @Bean
    EnterpriseCodeValidator enterpriseCodeValidator(RegistryProperties registry) {
        return new EnterpriseCodeValidator(registry.checkDigitTenAsZero());
    }

    @Bean
    EnterpriseCache enterpriseCache(JdbcTemplate jdbc, RegistryProperties registry, Clock clock) {
        return new EnterpriseCache(jdbc, registry.cacheLifetime(), clock);
    }

    @Bean
    RegistryLookupSettings registryLookupSettings(RegistryProperties registry) {
        RegistryProperties.Breaker b = registry.breaker();
        return new RegistryLookupSettings(registry.maxRetries(), registry.retryDelay(), b.failureRateThreshold(),
                b.slidingWindowSize(), b.minimumCalls(), b.waitInOpenState(), b.callsInHalfOpenState());
    }

    @Bean
    CircuitBreaker registryCircuitBreaker(RegistryLookupSettings settings) {
        return settings.circuitBreaker();
    }

    /**
     * Where and as whom the bus calls the registry: configured here, changed live through the admin
     * API (settings endpointUrl and credentialsRef of route registry-call).
     */
    @Bean
    RegistryConnection registryConnection(RegistryProperties registry, RegistrySimulatorProperties simulatorProperties,
                                          ObjectProvider<RegistrySimulator> simulator) {
        URI address = registry.endpoint();
        if (registry.useSimulator()) {
            RegistrySimulator running = simulator.getIfAvailable();
            if (running != null) {
                address = running.endpoint();
            } else {
                address = URI.create("http://127.0.0.1:" + simulatorProperties.port() + RegistrySimulator.PATH);
                log.warn("bus.registry.endpoint is empty and the registry simulator is off: lookups go to {},"
                        + " where nothing is expected to answer (set bus.registry.endpoint)", address);
            }
        }
        RegistryCredentials credentials;
        try {
            credentials = new RegistryCredentials(registry.username(), registry.password());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bus.registry.username / bus.registry.password: " + e.getMessage(), e);
        }
        log.info("Business registry at {}, authentication {} (cache lifetime {}, {} retries, breaker opens at {}%"
                        + " failures)", address, credentials, registry.cacheLifetime(), registry.maxRetries(),
                registry.breaker().failureRateThreshold());
        return new RegistryConnection(address, credentials);
    }

    /** Named {@value RegistryEndpoints#BEAN_NAME}: the lookup route calls {@code cxf:bean:registryEndpoint}. */
    @Bean(name = RegistryEndpoints.BEAN_NAME)
    CxfEndpoint registryEndpoint(CamelContext camel, RegistryProperties registry, RegistryConnection connection) {
        RegistryConnection.Target initial = connection.target();
        return RegistryEndpoints.create(camel, new RegistryClientSettings(initial.endpoint(), initial.credentials(),
                registry.connectTimeout(), registry.requestTimeout(), registry.maxResponseSize().toBytes()),
                connection);
    }

    /** The registry's endpoint and password are settings of route registry-call (admin API). */
    @Bean
    RegistryConnectorTuning registryConnectorTuning(RegistryConnection connection, CircuitBreaker registryCircuitBreaker) {
        return new RegistryConnectorTuning(connection, registryCircuitBreaker);
    }

    /**
     * The one place callers are authenticated (REST and SOAP): a client certificate mapped to a
     * system (mTLS, bus.security.client-certificates) is that system whatever the token; otherwise
     * the token's digest names it.
     */
    @Bean
    CallerAuthenticator callerAuthenticator(RegistryProperties registry) {
        if (registry.callers().isEmpty()) {
            log.warn("bus.registry.callers is empty: every enterprise lookup will be refused");
        }
        TokenDigestAuthenticator tokens = new TokenDigestAuthenticator(registry.callers());
        return token -> vn.gov.bus.app.security.SystemCaller.current().or(() -> tokens.authenticate(token));
    }

    @Bean
    Endpoint enterpriseLookupSoapEndpoint(Bus cxfBus, EnterpriseLookupService lookups, CallerAuthenticator callers) {
        return EnterpriseLookupPublisher.publish(cxfBus, "/enterprise-lookup",
                new EnterpriseLookupEndpoint(lookups, callers));
    }
}
