package vn.gov.bus.app.config;

import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.app.security.SystemCaller;
import vn.gov.bus.connectors.qlvb.DocumentHubEndpoint;
import vn.gov.bus.connectors.qlvb.HubEndpointPublisher;
import vn.gov.bus.connectors.qlvb.HubLimits;
import vn.gov.bus.app.audit.AuditedHubBackend;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.routes.hub.HubIngress;

/** Publishes the SOAP service local document systems call, at {cxf.path}/hub on the bus's port. */
@Configuration(proxyBeanMethods = false)
public class HubConfiguration {

    @Bean
    Endpoint documentHubEndpoint(Bus cxfBus, HubIngress ingress, AgencyDirectory directory, BusProperties bus,
                                 AuditTrail audit, AuditProperties auditSettings) {
        HubLimits limits = HubLimits.ofPackageBytes(bus.limits().maxPackageSize().toBytes());
        return HubEndpointPublisher.publish(cxfBus, "/hub",
                new DocumentHubEndpoint(new AuditedHubBackend(ingress, audit, auditSettings.durableReceipts()),
                        // a client certificate mapped to this organ id (mTLS) stands for its token
                        (organId, token) -> SystemCaller.current().map(organId::equals).orElse(false)
                                || directory.authenticate(organId, token), limits));
    }
}
