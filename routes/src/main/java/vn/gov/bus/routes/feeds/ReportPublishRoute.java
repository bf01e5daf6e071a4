package vn.gov.bus.routes.feeds;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every {@code bus.feeds.publish-interval}: reconciliation reports to the outbound SFTP folder and
 * to the accountants by mail, payment confirmations to the tax authority. One tick at a time;
 * a failed tick is logged and the next one tries again from the database.
 */
@Component
public class ReportPublishRoute extends RouteBuilder {

    public static final String ROUTE_ID = "feeds-report-publish";

    private final ReportPublisher publisher;

    public ReportPublishRoute(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?fixedRate=false&delay=1000&period={{bus.feeds.publish-interval}}")
                .routeId(ROUTE_ID)
                .autoStartup("{{bus.feeds.publish-enabled}}")
                .bean(publisher, "publish");
    }
}
