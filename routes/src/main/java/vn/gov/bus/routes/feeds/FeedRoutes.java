package vn.gov.bus.routes.feeds;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/** The shape shared by the inbound feed routes: process, then write the reason file of a refused file. */
final class FeedRoutes {

    private FeedRoutes() {
    }

    /**
     * Consumes {@code bus.feeds.<key>.uri}. The consumer's {@code move} option reads
     * {@link FeedFileProcessor#MOVE_TO}, so the remote file is moved only when the exchange has
     * completed, after the commit; the reason file is written before that move.
     */
    static RouteDefinition inbound(RouteBuilder builder, String key, String routeId, Processor processor) {
        RouteDefinition route = builder.from("{{bus.feeds." + key + ".uri}}").routeId(routeId)
                .autoStartup("{{bus.feeds." + key + ".enabled}}");
        route.process(processor)
                .filter(builder.exchangeProperty(FeedFileProcessor.REASON).isNotNull())
                    .setBody(builder.exchangeProperty(FeedFileProcessor.REASON))
                    .setHeader(Exchange.FILE_NAME, builder.exchangeProperty(FeedFileProcessor.REASON_FILE))
                    .to("{{bus.feeds." + key + ".reason-uri}}")
                .end();
        return route;
    }
}
