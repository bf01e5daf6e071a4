package vn.gov.bus.routes.feeds;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Payment exports (CSV or JSON) of the public-service portal / payment platform. */
@Component
public class PaymentExportRoute extends RouteBuilder {

    public static final String ROUTE_ID = "feeds-payments";

    private final FeedProcessors processors;

    public PaymentExportRoute(FeedProcessors processors) {
        this.processors = processors;
    }

    @Override
    public void configure() {
        FeedRoutes.inbound(this, "payments", ROUTE_ID, processors.payments());
    }
}
