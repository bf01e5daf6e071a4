package vn.gov.bus.app.simulators;

import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.app.config.FeedsProperties;
import vn.gov.bus.connectors.feeds.simulator.FtpDropBox;
import vn.gov.bus.connectors.feeds.simulator.OneStopSimulator;
import vn.gov.bus.connectors.feeds.simulator.SftpDropBox;

/** Drives the feeds' simulated partners on a timer (demo only). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${bus.simulators.enabled:false} and ${bus.simulators.demo-traffic:false} and ${bus.feeds.simulator.demo-traffic:false}")
public class FeedDemoTrafficRoute {

    @Bean
    FeedDemoTraffic feedDemoTraffic(SftpDropBox sftp, FtpDropBox ftp, OneStopSimulator oneStop, FeedsProperties feeds,
                                    Clock clock) {
        return new FeedDemoTraffic(sftp, ftp, oneStop, feeds, clock);
    }

    @Bean
    RouteBuilder feedDemoTrafficRoutes(FeedDemoTraffic demo) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:demo-feeds?delay=10s&period={{bus.feeds.simulator.demo-interval}}")
                        .routeId("demo-feeds-partners")
                        .bean(demo, "next");
            }
        };
    }
}
