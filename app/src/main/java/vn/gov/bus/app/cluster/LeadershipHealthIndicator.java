package vn.gov.bus.app.cluster;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code leadership}: a follower is as healthy as the leader, so
 * the status is UP on both; the details say which one this node is and which routes it runs.
 */
public class LeadershipHealthIndicator extends AbstractHealthIndicator {

    private final SingleActiveRoutes routes;
    private final boolean clustered;

    public LeadershipHealthIndicator(SingleActiveRoutes routes, boolean clustered) {
        this.routes = routes;
        this.clustered = clustered;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("node", routes.nodeId())
                .withDetail("role", routes.getRole())
                .withDetail("leader", routes.isLeader())
                .withDetail("since", routes.since().toString())
                .withDetail("mechanism", clustered ? "database lock (int_lock)" : "in-process (one node)")
                .withDetail("singleActiveRoutes", routes.managedRoutes());
    }
}
