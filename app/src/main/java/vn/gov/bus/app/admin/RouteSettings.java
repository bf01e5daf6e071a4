package vn.gov.bus.app.admin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import vn.gov.bus.core.state.Channel;

/**
 * What an administrator changed on one route, as stored in table {@code route_setting}; a null
 * field keeps the configuration's value. {@code credentialsRef} is the name of a secret, never
 * the secret. {@code stopped}: an operator stopped the route and it
 * stays stopped after a restart.
 */
public record RouteSettings(String routeId, Duration pollInterval, RetryPolicy retry, Set<Channel> enabledChannels,
                            URI endpointUrl, String credentialsRef, boolean stopped, Instant updatedAt,
                            String updatedBy) {

    static RouteSettings none(String routeId) {
        return new RouteSettings(routeId, null, null, null, null, null, false, null, null);
    }

    RouteSettings withConnector(URI endpoint, String reference) {
        return new RouteSettings(routeId, pollInterval, retry, enabledChannels, endpoint, reference, stopped,
                updatedAt, updatedBy);
    }

    RouteSettings withPollInterval(Duration value) {
        return new RouteSettings(routeId, value, retry, enabledChannels, endpointUrl, credentialsRef, stopped,
                updatedAt, updatedBy);
    }

    RouteSettings withRetry(RetryPolicy value) {
        return new RouteSettings(routeId, pollInterval, value, enabledChannels, endpointUrl, credentialsRef, stopped,
                updatedAt, updatedBy);
    }

    RouteSettings withEnabledChannels(Set<Channel> value) {
        return new RouteSettings(routeId, pollInterval, retry, value, endpointUrl, credentialsRef, stopped,
                updatedAt, updatedBy);
    }

    RouteSettings withStopped(boolean value) {
        return new RouteSettings(routeId, pollInterval, retry, enabledChannels, endpointUrl, credentialsRef, value,
                updatedAt, updatedBy);
    }
}
