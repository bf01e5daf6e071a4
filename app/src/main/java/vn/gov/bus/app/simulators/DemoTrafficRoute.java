package vn.gov.bus.app.simulators;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.app.config.DirectorySeeder.SeededDirectory;

/** Drives the simulated local document systems on a timer (demo only). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${bus.simulators.enabled:false} and ${bus.simulators.demo-traffic:false}")
public class DemoTrafficRoute {

    @Bean
    DemoTraffic demoTraffic(SeededDirectory seed, @Value("${cxf.path:/services}") String cxfPath) {
        return new DemoTraffic(seed, cxfPath);
    }

    @Bean
    RouteBuilder demoTrafficRoutes(DemoTraffic demo) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-send?delay=5s&period={{bus.simulators.demo-interval}}")
                        .routeId("demo-local-systems-send")
                        .bean(demo, "sendOne");
                from("timer:demo-receive?delay=7s&period={{bus.simulators.demo-interval}}")
                        .routeId("demo-local-systems-receive")
                        .bean(demo, "receiveAll");
            }
        };
    }
}
