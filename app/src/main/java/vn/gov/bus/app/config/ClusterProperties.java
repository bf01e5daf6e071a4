package vn.gov.bus.app.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Several bus nodes on one broker and one database (docs/production.md; every key in
 * docs/configuration.md). The routes named in {@code singleActiveRoutes} run only on the node that
 * holds the leader lock.
 *
 * @param enabled            true: the leader lock is a row of the shared database (Spring Integration's
 *                           JdbcLockRegistry, table int_lock), so several nodes elect one leader;
 *                           false (embedded default, one node): an in-process lock, this node leads at once
 * @param nodeId             this node's name in logs and in the health report
 * @param region             the lock's region: nodes that share a database but not a deployment
 *                           (a test and a production bus) use different regions
 * @param lockTtl            a lock row not renewed for this long is taken over: the upper bound of a
 *                           dead leader's tenure
 * @param heartbeat          how often the leader renews its lock and a follower tries to take it
 * @param stopTimeout        how long a node that lost leadership waits for a running poll to finish
 * @param singleActiveRoutes route ids that must run on one node at a time
 */
@Validated
@ConfigurationProperties("bus.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled,
                                @NotBlank String nodeId,
                                @DefaultValue("bus") @NotBlank String region,
                                @DefaultValue("10s") Duration lockTtl,
                                @DefaultValue("2s") Duration heartbeat,
                                @DefaultValue("30s") Duration stopTimeout,
                                @NotEmpty List<String> singleActiveRoutes) {

    public ClusterProperties {
        singleActiveRoutes = singleActiveRoutes == null ? List.of() : List.copyOf(singleActiveRoutes);
        if (lockTtl != null && heartbeat != null && heartbeat.compareTo(lockTtl) >= 0) {
            throw new IllegalArgumentException("bus.cluster.heartbeat (" + heartbeat + ") must be shorter than "
                    + "bus.cluster.lock-ttl (" + lockTtl + "): the leader would lose its lock between two renewals");
        }
    }

    /** The longest time from a leader's death to another node leading: the lock expires, then a follower's next try. */
    public Duration takeoverBound() {
        return lockTtl.plus(heartbeat.multipliedBy(2));
    }
}
