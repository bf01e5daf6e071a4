package vn.gov.bus.app.admin;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the administrators' stored route settings in force at every start: routes an operator
 * stopped (and delivery routes of disabled channels) are not started with the context at all, so
 * not one message is consumed by them; the other settings are applied as soon as the routes run,
 * before the first poll (a timer's first poll comes one second after its start).
 */
public class RouteSettingsStartup implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouteSettingsStartup.class);

    private final RouteAdministration routes;

    public RouteSettingsStartup(RouteAdministration routes) {
        this.routes = routes;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        List<String> held = routes.heldStoppedRoutes();
        if (held.isEmpty()) {
            return;
        }
        ModelCamelContext model = (ModelCamelContext) camel;
        for (String id : held) {
            RouteDefinition definition = model.getRouteDefinition(id);
            if (definition != null) {
                definition.setAutoStartup("false");
                log.info("route {} stays stopped (stopped by an operator or its channel is disabled)", id);
            }
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        routes.reapplyStored();
    }
}
