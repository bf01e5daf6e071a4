package vn.gov.bus.app.config;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.gov.bus.app.cluster.LeadershipHealthIndicator;
import vn.gov.bus.app.cluster.SingleActiveRoutes;

/**
 * Leader election for the single-active routes (docs/production.md). With bus.cluster.enabled the
 * lock is a row of table int_lock in the shared database, renewed every heartbeat by its holder
 * and taken over by another node once it is older than the lock TTL (Spring Integration's
 * JdbcLockRegistry and LockRegistryLeaderInitiator: a kept library, not a lock of our own).
 * Without it (one embedded node) an in-process lock makes this node the leader at once.
 */
@Configuration(proxyBeanMethods = false)
public class LeadershipConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LeadershipConfiguration.class);

    static final String ROLE = "bus-pollers";

    @Bean
    SingleActiveRoutes singleActiveRoutes(ClusterProperties cluster) {
        return new SingleActiveRoutes(cluster.nodeId(), ROLE, cluster.singleActiveRoutes(),
                cluster.stopTimeout().toMillis());
    }

    @Bean(destroyMethod = "close")
    DefaultLockRepository leaderLockRepository(DataSource dataSource, ClusterProperties cluster) {
        // the client id is random per start: a restarted node must not inherit the lock of its previous life
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion(cluster.region());
        repository.setTimeToLive((int) cluster.lockTtl().toMillis());
        // its own transactions on the bus's database, whatever other transaction managers exist
        repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
        // the table comes from Flyway (V11); checking it at start would run before the migration
        repository.setCheckDatabaseOnStart(false);
        return repository;
    }

    @Bean
    LockRegistry leaderLockRegistry(ClusterProperties cluster, DefaultLockRepository repository) {
        return cluster.enabled() ? new JdbcLockRegistry(repository) : new DefaultLockRegistry();
    }

    @Bean
    LockRegistryLeaderInitiator leaderInitiator(LockRegistry leaderLockRegistry, SingleActiveRoutes routes,
                                                ClusterProperties cluster) {
        LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(leaderLockRegistry, routes);
        initiator.setHeartBeatMillis(cluster.heartbeat().toMillis());
        initiator.setBusyWaitMillis(Math.min(500, cluster.heartbeat().toMillis()));
        // started once the Camel routes exist (below), so that a grant can start them
        initiator.setAutoStartup(false);
        return initiator;
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> leaderElectionStarter(LockRegistryLeaderInitiator initiator,
                                                                      ClusterProperties cluster) {
        return ready -> {
            log.info("cluster: node {} joins the election for {} ({}; lock TTL {}, heartbeat {}, takeover within {})",
                    cluster.nodeId(), ROLE, cluster.enabled() ? "database lock, table int_lock" : "in-process, one node",
                    cluster.lockTtl(), cluster.heartbeat(), cluster.takeoverBound());
            initiator.start();
        };
    }

    @Bean
    LeadershipHealthIndicator leadershipHealthIndicator(SingleActiveRoutes routes, ClusterProperties cluster) {
        return new LeadershipHealthIndicator(routes, cluster.enabled());
    }
}
