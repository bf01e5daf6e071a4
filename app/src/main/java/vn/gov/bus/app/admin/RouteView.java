package vn.gov.bus.app.admin;

import java.util.List;

/**
 * One route as the admin API shows it. {@code state} is Camel's: Started, Stopped, Suspended (or a
 * transition such as Stopping). Durations are ISO-8601 ({@code PT10S}).
 */
public record RouteView(String id, String state, String from, boolean stoppedByOperator,
                        Exchanges exchanges, double throughputPerMinute, Long meanProcessingMillis,
                        Long maxProcessingMillis, RouteStatistics.LastError lastError,
                        Settings settings, List<String> editableSettings) {

    public record Exchanges(long total, long failed, long inflight) {
    }

    /** The settings in force; a setting the route does not have is null. */
    public record Settings(String pollInterval, Retry retry, List<String> enabledChannels, String endpointUrl,
                           String credentialsRef) {
    }

    public record Retry(String queue, int maxRedeliveries, String redeliveryDelay, double backOffMultiplier,
                        String maxRedeliveryDelay) {
    }
}
