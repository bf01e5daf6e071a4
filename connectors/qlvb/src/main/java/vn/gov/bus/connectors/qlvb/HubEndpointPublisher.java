package vn.gov.bus.connectors.qlvb;

import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;

/**
 * Publishes {@link DocumentHubEndpoint} with the settings the hub depends on: MTOM, the size
 * limits of {@link HubLimits}, and the interceptors that enforce and report them. In the Spring
 * Boot app (CXF servlet at {@code /services}):
 * <pre>{@code
 * @Bean Endpoint documentHub(Bus bus, DocumentHubEndpoint impl) {
 *     return HubEndpointPublisher.publish(bus, "/hub", impl);   // → /services/hub
 * }
 * }</pre>
 */
public final class HubEndpointPublisher {

    private HubEndpointPublisher() {
    }

    /**
     * @param address relative to the CXF servlet (e.g. {@code /hub}) or absolute
     */
    public static EndpointImpl publish(Bus bus, String address, DocumentHubEndpoint impl) {
        EndpointImpl endpoint = new EndpointImpl(bus, impl);
        configure(endpoint, impl.limits());
        endpoint.publish(address);
        return endpoint;
    }

    /** Applies the hub's settings to an endpoint that is not yet published. */
    public static void configure(EndpointImpl endpoint, HubLimits limits) {
        Map<String, Object> properties = new HashMap<>();
        if (endpoint.getProperties() != null) {
            properties.putAll(endpoint.getProperties());
        }
        properties.putAll(limits.cxfProperties());
        properties.put(Message.MTOM_ENABLED, Boolean.TRUE);
        endpoint.setProperties(properties);
        endpoint.getInInterceptors().add(new MessageSizeLimitInterceptor(limits.maxMessageBytes()));
        endpoint.getInInterceptors().add(new AttachmentPreloadInterceptor());
        endpoint.getOutInterceptors().add(new MtomAnswerInKindInterceptor());
        endpoint.getOutFaultInterceptors().add(new MtomAnswerInKindInterceptor());
        endpoint.getOutFaultInterceptors().add(new HubFaultClassifier(limits));
    }
}
