package vn.gov.bus.app.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;

/**
 * The routes that must run on one node at a time (pollers of the axis, the mailbox and the file
 * feeds, the directory sync, the report publisher). A route policy keeps them from starting with
 * the Camel context; Spring Integration's leader initiator calls {@link #onGranted} on the node
 * that holds the leader lock, which then starts those of them that their own settings enable, and
 * {@link #onRevoked} when the lock is lost, which stops them. Other singletons (the audit
 * checkpoints) ask {@link #isLeader()}.
 */
public class SingleActiveRoutes implements Candidate, RoutePolicyFactory, Leadership {

    private static final Logger log = LoggerFactory.getLogger(SingleActiveRoutes.class);

    private final String nodeId;
    private final String role;
    private final Set<String> routeIds;
    private final long stopTimeoutMillis;
    /** route id → whether its own autoStartup setting wants it running (false: disabled by configuration). */
    private final Map<String, Boolean> wanted = new ConcurrentHashMap<>();
    private volatile CamelContext camel;
    /** Routes an operator stopped (stored in the shared database): a new leader must not start them. */
    private volatile Predicate<String> heldStopped = id -> false;
    private volatile boolean leader;
    private volatile Instant since = Instant.now();

    public SingleActiveRoutes(String nodeId, String role, List<String> routeIds, long stopTimeoutMillis) {
        this.nodeId = nodeId;
        this.role = role;
        this.routeIds = Set.copyOf(routeIds);
        this.stopTimeoutMillis = stopTimeoutMillis;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!routeIds.contains(routeId)) {
            return null;
        }
        this.camel = camelContext;
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route r) {
                super.onInit(r);
                wanted.put(r.getId(), Boolean.TRUE.equals(r.isAutoStartup()));
                // started by the leader only, whatever its own setting says now
                r.setAutoStartup(false);
            }
        };
    }

    @Override
    public synchronized void onGranted(Context context) {
        leader = true;
        since = Instant.now();
        List<String> starting = enabledRoutes();
        log.info("cluster: node {} leads {}; starting {} / nút {} được quyền chạy các tác vụ định kỳ", nodeId, role,
                starting, nodeId);
        for (String id : starting) {
            if (heldStopped.test(id)) {
                log.info("cluster: route {} stays stopped on the new leader (stopped by an operator)", id);
                continue;
            }
            try {
                camel.getRouteController().startRoute(id);
            } catch (Exception e) {
                // one poller that cannot start (a bad endpoint URI) must not keep the others stopped
                log.error("cluster: route {} could not be started on the leader: {}", id, e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void onRevoked(Context context) {
        leader = false;
        since = Instant.now();
        List<String> stopping = enabledRoutes();
        log.warn("cluster: node {} no longer leads {}; stopping {} / nút {} mất quyền chạy các tác vụ định kỳ",
                nodeId, role, stopping, nodeId);
        if (camel == null || camel.isStopping() || camel.isStopped()) {
            return;
        }
        for (String id : stopping) {
            try {
                camel.getRouteController().stopRoute(id, stopTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.error("cluster: route {} could not be stopped after losing leadership: {}", id, e.getMessage(), e);
            }
        }
    }

    private List<String> enabledRoutes() {
        return wanted.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Runs a change of a route's lifecycle (a feed route rebuilt with a new endpoint) with no grant
     * or revoke in between: a leader starting the route half-way through would miss it.
     */
    public synchronized <T> T exclusively(java.util.concurrent.Callable<T> change) throws Exception {
        return change.call();
    }

    /** Consulted at every grant, so a stop made through the API on the old leader holds on the new one. */
    public void holdStoppedWhen(Predicate<String> held) {
        this.heldStopped = held;
    }

    /** Whether the route runs on the leader only. */
    public boolean manages(String routeId) {
        return routeIds.contains(routeId);
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public Instant since() {
        return since;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    /** The single-active routes this node would start as leader (those enabled by their own settings). */
    public List<String> managedRoutes() {
        return enabledRoutes();
    }

    @Override
    public String getRole() {
        return role;
    }

    @Override
    public String getId() {
        return nodeId;
    }
}
