package vn.gov.bus.app.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import vn.gov.bus.core.state.Channel;

/**
 * What an administrator changed on one route, as stored in table {@code route_setting}; a null
 * field keeps the configuration's value. {@code stopped}: an operator stopped the route and it
 * stays stopped after a restart.
 */
public record RouteSettings(String routeId, Duration pollInterval, RetryPolicy retry, Set<Channel> enabledChannels,
                            boolean stopped, Instant updatedAt, String updatedBy) {

    static RouteSettings none(String routeId) {
        return new RouteSettings(routeId, null, null, null, false, null, null);
    }

    RouteSettings withPollInterval(Duration value) {
        return new RouteSettings(routeId, value, retry, enabledChannels, stopped, updatedAt, updatedBy);
    }

    RouteSettings withRetry(RetryPolicy value) {
        return new RouteSettings(routeId, pollInterval, value, enabledChannels, stopped, updatedAt, updatedBy);
    }

    RouteSettings withEnabledChannels(Set<Channel> value) {
        return new RouteSettings(routeId, pollInterval, retry, value, stopped, updatedAt, updatedBy);
    }

    RouteSettings withStopped(boolean value) {
        return new RouteSettings(routeId, pollInterval, retry, enabledChannels, value, updatedAt, updatedBy);
    }
}
