package vn.gov.bus.app.simulators;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.app.config.DirectorySeeder.SeededDirectory;
import vn.gov.bus.app.config.MailProperties;
import vn.gov.bus.app.config.MailSimulatorProperties;

/** Drives the mail demo on timers (demo only): mail flows in and out every demo interval. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${bus.simulators.enabled:false} and ${bus.simulators.demo-traffic:false}")
public class MailDemoTrafficRoute {

    @Bean
    MailDemoTraffic mailDemoTraffic(SeededDirectory seed, MailProperties mail, MailSimulatorProperties simulator,
                                    @Value("${cxf.path:/services}") String cxfPath) {
        return new MailDemoTraffic(seed, mail, simulator, cxfPath);
    }

    @Bean
    RouteBuilder mailDemoTrafficRoutes(MailDemoTraffic demo) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-mail-in?delay=9s&period={{bus.simulators.demo-interval}}")
                        .routeId("demo-commune-mails-bus")
                        .bean(demo, "communeSendsMail");
                from("timer:demo-mail-out?delay=11s&period={{bus.simulators.demo-interval}}")
                        .routeId("demo-local-system-sends-to-commune")
                        .bean(demo, "localSystemSendsToCommune");
                from("timer:demo-mail-read?delay=13s&period={{bus.simulators.demo-interval}}")
                        .routeId("demo-commune-reads-mail")
                        .bean(demo, "communeReadsMail");
            }
        };
    }
}
