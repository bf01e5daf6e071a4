package vn.gov.bus.app.observability;

import java.time.Clock;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The ids in every log line of a message, the queue and connector gauges, and the startup gate. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    BusMdcUnitOfWorkFactory busMdcUnitOfWorkFactory() {
        return new BusMdcUnitOfWorkFactory();
    }

    /** Embedded broker only (no EmbeddedActiveMQ bean with bus.broker.url set): see QueueDepthMetrics. */
    @Bean
    QueueDepthMetrics queueDepthMetrics(ObjectProvider<EmbeddedActiveMQ> broker, Environment env) {
        Map<String, String> queues = Binder.get(env).bind("bus.queues", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new QueueDepthMetrics(broker, new java.util.TreeSet<>(queues.values()));
    }

    @Bean
    ConnectorHealthMetrics connectorHealthMetrics(ObjectProvider<HealthEndpoint> health,
                                                  ObjectProvider<HealthEndpointGroups> groups, Clock clock) {
        return new ConnectorHealthMetrics(health, groups, clock);
    }

    @Bean
    FilterRegistrationBean<CamelStartupGate> camelStartupGate(CamelContext camel) {
        FilterRegistrationBean<CamelStartupGate> registration = new FilterRegistrationBean<>(new CamelStartupGate(camel));
        // before security and everything else: nothing behind it can work while Camel is down
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
