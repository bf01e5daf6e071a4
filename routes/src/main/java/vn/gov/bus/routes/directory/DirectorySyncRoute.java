package vn.gov.bus.routes.directory;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Keeps the agency directory in step with the national axis's directory (/getAgenciesList),
 * every {@code bus.directory.sync-interval}. A failed run leaves the directory as it was; the
 * next run retries.
 */
@Component
public class DirectorySyncRoute extends RouteBuilder {

    public static final String ROUTE_ID = "axis-directory-sync";

    private final DirectorySync sync;

    public DirectorySyncRoute(DirectorySync sync) {
        this.sync = sync;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay={{bus.directory.sync-initial-delay:30s}}"
                + "&period={{bus.directory.sync-interval:6h}}")
                .routeId(ROUTE_ID)
                .autoStartup("{{bus.directory.sync-enabled:true}}")
                .bean(sync, "synchronise");
    }
}
