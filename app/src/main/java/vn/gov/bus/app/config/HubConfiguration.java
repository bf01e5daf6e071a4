package vn.gov.bus.app.config;

import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.connectors.qlvb.DocumentHubEndpoint;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.routes.hub.HubIngress;

/** Publishes the SOAP service local document systems call, at {cxf.path}/hub on the bus's port. */
@Configuration(proxyBeanMethods = false)
public class HubConfiguration {

    @Bean
    Endpoint documentHubEndpoint(Bus cxfBus, HubIngress ingress, AgencyDirectory directory) {
        EndpointImpl endpoint = new EndpointImpl(cxfBus, new DocumentHubEndpoint(ingress, directory::authenticate));
        endpoint.publish("/hub");
        return endpoint;
    }
}
