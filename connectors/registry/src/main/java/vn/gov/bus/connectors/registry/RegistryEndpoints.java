package vn.gov.bus.connectors.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import vn.gov.bus.schemas.registry.BusinessRegistry;

/**
 * The camel-cxf endpoint that calls the registry: POJO data format over the generated
 * {@link BusinessRegistry} interface, synchronous on the caller's thread (the circuit breaker
 * around it must see each call's outcome), with per-attempt connect and receive timeouts and a
 * bound on the answer's size. Every request goes to the address and with the credentials of its
 * {@link RegistryConnection}, which an administrator may change while the bus runs. Bind it under
 * {@link #BEAN_NAME}; routes use {@link #URI}.
 */
public final class RegistryEndpoints {

    public static final String BEAN_NAME = "registryEndpoint";
    public static final String URI = "cxf:bean:" + BEAN_NAME;

    private RegistryEndpoints() {
    }

    /** An endpoint whose target stays the configured one. */
    public static CxfEndpoint create(CamelContext camel, RegistryClientSettings settings) {
        return create(camel, settings, new RegistryConnection(settings.endpoint(), settings.credentials()));
    }

    /** An endpoint that follows {@code connection} (built from the same settings). */
    public static CxfEndpoint create(CamelContext camel, RegistryClientSettings settings,
                                     RegistryConnection connection) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setAddress(settings.endpoint().toString());
        endpoint.setServiceClass(BusinessRegistry.class);
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setSynchronous(true);
        Map<String, Object> properties = new HashMap<>();
        // The registry is a partner system: its answer is parsed with bounds like any input.
        properties.put("org.apache.cxf.stax.maxXMLCharacters", settings.maxResponseBytes());
        properties.put("org.apache.cxf.stax.maxElementCount", 10_000L);
        properties.put("org.apache.cxf.stax.maxElementDepth", 32);
        properties.put("org.apache.cxf.stax.maxTextLength", 64 * 1024);
        endpoint.setProperties(properties);
        endpoint.setCxfConfigurer(new ClientConfigurer(settings, connection));
        return endpoint;
    }

    private record ClientConfigurer(RegistryClientSettings settings, RegistryConnection connection)
            implements CxfConfigurer {

        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factory) {
            // nothing beyond the client's conduit
        }

        @Override
        public void configureClient(Client client) {
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(settings.connectTimeout().toMillis());
            policy.setReceiveTimeout(settings.receiveTimeout().toMillis());
            // a lookup is idempotent, but retries are the route's business (counted, bounded)
            policy.setAutoRedirect(false);
            // nor does the conduit send again on a 401: the credentials are the same, the answer would be too
            policy.setMaxRetransmits(0);
            ((HTTPConduit) client.getConduit()).setClient(policy);
            client.getOutInterceptors().add(connection.interceptor());
        }

        @Override
        public void configureServer(Server server) {
            // client only
        }
    }
}
