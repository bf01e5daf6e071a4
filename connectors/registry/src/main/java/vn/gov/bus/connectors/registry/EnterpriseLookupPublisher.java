package vn.gov.bus.connectors.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;

/**
 * Publishes {@link EnterpriseLookupEndpoint} with size limits fitting its requests: one code in
 * a small envelope, so a request of more than {@link #MAX_REQUEST_CHARS} characters, deeper
 * than 16 levels or with more than 64 elements is refused while parsing (CXF's Woodstox limits),
 * before the service runs. DTDs are refused by CXF's StAX parser as for every endpoint.
 */
public final class EnterpriseLookupPublisher {

    public static final long MAX_REQUEST_CHARS = 16 * 1024;

    private EnterpriseLookupPublisher() {
    }

    /** @param address relative to the CXF servlet (e.g. {@code /enterprise-lookup}) or absolute */
    public static EndpointImpl publish(Bus bus, String address, EnterpriseLookupEndpoint impl) {
        EndpointImpl endpoint = new EndpointImpl(bus, impl);
        Map<String, Object> properties = new HashMap<>();
        properties.put("org.apache.cxf.stax.maxXMLCharacters", MAX_REQUEST_CHARS);
        properties.put("org.apache.cxf.stax.maxTextLength", 1024);
        properties.put("org.apache.cxf.stax.maxElementCount", 64L);
        properties.put("org.apache.cxf.stax.maxElementDepth", 16);
        properties.put("org.apache.cxf.stax.maxChildElements", 16);
        properties.put("org.apache.cxf.stax.maxAttributeCount", 16);
        properties.put("org.apache.cxf.stax.maxAttributeSize", 1024);
        endpoint.setProperties(properties);
        endpoint.publish(address);
        return endpoint;
    }
}
