package vn.gov.bus.routes.feeds;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Tax notices for land dossiers dropped by the tax authority, forwarded to the one-stop system. */
@Component
public class TaxNoticeRoute extends RouteBuilder {

    public static final String ROUTE_ID = "feeds-tax-notices";

    private final FeedProcessors processors;

    public TaxNoticeRoute(FeedProcessors processors) {
        this.processors = processors;
    }

    @Override
    public void configure() {
        FeedRoutes.inbound(this, "tax-notices", ROUTE_ID, processors.taxNotices());
    }
}
