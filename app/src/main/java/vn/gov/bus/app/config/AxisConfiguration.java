package vn.gov.bus.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.app.admin.AxisConnectorTuning;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisClientConfig;

/** The national axis connector, configured from bus.axis.*. */
@Configuration(proxyBeanMethods = false)
public class AxisConfiguration {

    @Bean
    AxisClient axisClient(BusProperties bus) {
        BusProperties.Axis axis = bus.axis();
        return new AxisClient(new AxisClientConfig(axis.endpoint(), axis.systemId(), axis.secret(),
                bus.organisation().centreCode(), axis.connectTimeout(), axis.requestTimeout()));
    }

    /** Its endpoint and secret are settings of deliver-axis (admin API). */
    @Bean
    AxisConnectorTuning axisConnectorTuning(AxisClient axis) {
        return new AxisConnectorTuning(axis);
    }
}
