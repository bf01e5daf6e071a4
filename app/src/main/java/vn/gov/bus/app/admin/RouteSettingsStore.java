package vn.gov.bus.app.admin;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.core.state.Channel;

/** Table {@code route_setting}: the administrators' route settings, which outlive a restart. */
public class RouteSettingsStore {

    private static final String COLUMNS = "route_id, poll_interval_ms, max_redeliveries, redelivery_delay_ms,"
            + " backoff_multiplier, max_redelivery_delay_ms, enabled_channels, endpoint_url, credentials_ref, stopped,"
            + " updated_at, updated_by";

    private final JdbcTemplate jdbc;

    public RouteSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RouteSettings> find(String routeId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM route_setting WHERE route_id = ?", RouteSettingsStore::map,
                routeId).stream().findFirst();
    }

    public List<RouteSettings> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM route_setting ORDER BY route_id", RouteSettingsStore::map);
    }

    public void save(RouteSettings s, String operator) {
        Timestamp now = Timestamp.from(Instant.now());
        RetryPolicy r = s.retry();
        Object[] values = {
                s.pollInterval() == null ? null : s.pollInterval().toMillis(),
                r == null ? null : r.maxRedeliveries(),
                r == null ? null : r.redeliveryDelay().toMillis(),
                r == null ? null : r.backOffMultiplier(),
                r == null ? null : r.maxRedeliveryDelay().toMillis(),
                s.enabledChannels() == null ? null
                        : s.enabledChannels().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                s.endpointUrl() == null ? null : s.endpointUrl().toString(), s.credentialsRef(),
                s.stopped(), now, operator, s.routeId()};
        int updated = jdbc.update("UPDATE route_setting SET poll_interval_ms = ?, max_redeliveries = ?,"
                + " redelivery_delay_ms = ?, backoff_multiplier = ?, max_redelivery_delay_ms = ?, enabled_channels = ?,"
                + " endpoint_url = ?, credentials_ref = ?, stopped = ?, updated_at = ?, updated_by = ?"
                + " WHERE route_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO route_setting (poll_interval_ms, max_redeliveries, redelivery_delay_ms,"
                    + " backoff_multiplier, max_redelivery_delay_ms, enabled_channels, endpoint_url, credentials_ref, stopped,"
                    + " updated_at, updated_by, route_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    private static RouteSettings map(ResultSet rs, int row) throws SQLException {
        Long poll = (Long) rs.getObject("poll_interval_ms", Long.class);
        Integer maxRedeliveries = rs.getObject("max_redeliveries", Integer.class);
        RetryPolicy retry = maxRedeliveries == null ? null : new RetryPolicy(maxRedeliveries,
                Duration.ofMillis(rs.getLong("redelivery_delay_ms")), rs.getDouble("backoff_multiplier"),
                Duration.ofMillis(rs.getLong("max_redelivery_delay_ms")));
        String channels = rs.getString("enabled_channels");
        Set<Channel> enabled = channels == null ? null : channels.isEmpty() ? EnumSet.noneOf(Channel.class)
                : Arrays.stream(channels.split(",")).map(Channel::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        String endpoint = rs.getString("endpoint_url");
        return new RouteSettings(rs.getString("route_id"), poll == null ? null : Duration.ofMillis(poll), retry,
                enabled, endpoint == null ? null : URI.create(endpoint), rs.getString("credentials_ref"),
                rs.getBoolean("stopped"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
