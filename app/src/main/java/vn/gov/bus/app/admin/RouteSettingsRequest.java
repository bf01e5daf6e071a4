package vn.gov.bus.app.admin;

import java.util.List;

/**
 * Body of {@code PUT /api/admin/routes/{id}/settings}. Every field is optional: an absent one keeps
 * its current value; an empty {@code endpointUrl} or {@code credentialsRef} clears it (the
 * configured endpoint or secret is in force again). Durations are ISO-8601 ({@code PT30S}) or simple ({@code 30s}, {@code 500ms}).
 */
public record RouteSettingsRequest(String pollInterval, Retry retry, List<String> enabledChannels,
                                   String endpointUrl, String credentialsRef) {

    public record Retry(Integer maxRedeliveries, String redeliveryDelay, Double backOffMultiplier,
                        String maxRedeliveryDelay) {
    }
}
