package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import vn.gov.bus.app.cluster.SingleActiveRoutes;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.state.Channel;

/**
 * The routes for administrators: what runs and how well, start/stop/suspend/resume, and settings
 * changed live, stored in {@code route_setting} and audited (ADMIN_ACTION, before and after).
 *
 * <p>Stop is persisted: a route an operator stopped stays stopped after a restart until someone
 * starts it. Suspend is a pause of the running bus only (a restart resumes the route). A route the
 * configuration does not start (e.g. {@code bus.axis.poll-enabled=false} on a second node) is not
 * started at restart because an operator once started it: enabling stays a deployment decision.
 */
public class RouteAdministration {

    private static final Logger log = LoggerFactory.getLogger(RouteAdministration.class);

    private final CamelContext camel;
    private final RouteTuner tuner;
    private final RouteSettingsStore store;
    private final RouteStatistics statistics;
    private final AuditTrail audit;
    private final RetryPolicy configuredRetry;
    private final SingleActiveRoutes singleActive;
    private final Environment environment;
    private final AdminChanges changes;

    public RouteAdministration(CamelContext camel, RouteTuner tuner, RouteSettingsStore store,
                               RouteStatistics statistics, AuditTrail audit, RetryPolicy configuredRetry,
                               SingleActiveRoutes singleActive, Environment environment, AdminChanges changes) {
        this.changes = changes;
        this.singleActive = singleActive;
        this.environment = environment;
        this.camel = camel;
        this.tuner = tuner;
        this.store = store;
        this.statistics = statistics;
        this.audit = audit;
        this.configuredRetry = configuredRetry;
    }

    public List<RouteView> list() {
        return camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId)).map(this::view).toList();
    }

    public RouteView one(String id) {
        return view(route(id));
    }

    public RouteView start(String id, String operator, String origin) {
        Route route = route(id);
        Optional<Channel> channel = channelOf(id);
        if (channel.isPresent() && !enabledChannels().contains(channel.get())) {
            throw ApiProblem.conflict("id", "channel-enabled", "route " + id + " delivers channel " + channel.get()
                            + ", which is disabled in the settings of " + RouteTuner.DISPATCH_ROUTE + "; enable it there",
                    "tuyến " + id + " thuộc kênh " + channel.get() + " đang bị tắt; hãy bật kênh trong thiết lập của "
                            + RouteTuner.DISPATCH_ROUTE);
        }
        return lifecycle(route, "start", operator, origin, true, c -> {
            if (c.getRouteStatus(id).isSuspended()) {
                c.resumeRoute(id);
            } else {
                c.startRoute(id);
            }
        });
    }

    public RouteView stop(String id, String operator, String origin) {
        return lifecycle(route(id), "stop", operator, origin, true, c -> c.stopRoute(id));
    }

    public RouteView suspend(String id, String operator, String origin) {
        return lifecycle(route(id), "suspend", operator, origin, false, c -> c.suspendRoute(id));
    }

    public RouteView resume(String id, String operator, String origin) {
        return lifecycle(route(id), "resume", operator, origin, false, c -> c.resumeRoute(id));
    }

    private interface Action {
        void run(RouteController controller) throws Exception;
    }

    private RouteView lifecycle(Route route, String action, String operator, String origin, boolean persist,
                                Action run) {
        String id = route.getRouteId();
        if (singleActive.manages(id) && !singleActive.isLeader()) {
            // starting a poller here would poll twice; stopping it here would not stop it on the leader
            throw ApiProblem.conflict("id", "leader-only", "route " + id + " runs only on the node that leads the "
                            + "pollers, and this node (" + singleActive.nodeId() + ") does not; send the request to "
                            + "the leader (see /actuator/health/leadership)",
                    "tuyến " + id + " chỉ chạy trên nút đang giữ quyền chạy tác vụ định kỳ; nút "
                            + singleActive.nodeId() + " không giữ quyền này, hãy gửi yêu cầu tới nút đó");
        }
        ServiceStatus before = camel.getRouteController().getRouteStatus(id);
        try {
            run.run(camel.getRouteController());
        } catch (Exception e) {
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "ROUTE_CONTROL_FAILED", "id", action,
                    "could not " + action + " route " + id + ": " + e.getMessage(),
                    "không thực hiện được thao tác " + action + " trên tuyến " + id);
        }
        if (persist) {
            RouteSettings settings = store.find(id).orElse(RouteSettings.none(id));
            store.save(settings.withStopped("stop".equals(action)), operator);
            changes.announce(id, "stop".equals(action) ? AdminChanges.Kind.STOP : AdminChanges.Kind.START);
        }
        ServiceStatus after = camel.getRouteController().getRouteStatus(id);
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).routeId(id).actor(operator).origin(origin)
                .detail("route " + id + " " + action + ": " + before + " -> " + after).build());
        log.info("route {} {} by {}: {} -> {}", id, action, operator, before, after);
        return view(route);
    }

    /** Synchronized: one change at a time, so that what is stored is what is in force. */
    public synchronized RouteView updateSettings(String id, RouteSettingsRequest request, String operator,
                                                 String origin) {
        Route route = route(id);
        if (request == null) {
            throw ApiProblem.invalid("body", "required", "the request has no body", "yêu cầu không có nội dung");
        }
        RouteSettings stored = store.find(id).orElse(RouteSettings.none(id));
        RouteView.Settings before = view(route).settings();
        RouteSettings next = stored;
        Duration poll = null;
        if (request.pollInterval() != null) {
            if (tuner.pollInterval(route).isEmpty()) {
                throw RouteSettingsValidator.notApplicable("pollInterval", id);
            }
            poll = RouteSettingsValidator.duration("pollInterval", request.pollInterval(),
                    RouteSettingsValidator.MIN_POLL, RouteSettingsValidator.MAX_POLL);
            next = next.withPollInterval(poll);
        }
        RetryPolicy retry = null;
        Optional<String> queue = tuner.consumedQueue(route);
        if (request.retry() != null) {
            if (queue.isEmpty()) {
                throw RouteSettingsValidator.notApplicable("retry", id);
            }
            retry = RouteSettingsValidator.retry(request.retry(), stored.retry() == null ? configuredRetry
                    : stored.retry());
            next = next.withRetry(retry);
        }
        Set<Channel> channels = null;
        if (request.enabledChannels() != null) {
            if (!tuner.hasChannels(route)) {
                throw RouteSettingsValidator.notApplicable("enabledChannels", id);
            }
            channels = RouteSettingsValidator.channels(request.enabledChannels());
            next = next.withEnabledChannels(channels);
        }
        boolean connectorChanged = request.endpointUrl() != null || request.credentialsRef() != null;
        URI endpoint = stored.endpointUrl();
        String reference = stored.credentialsRef();
        String secret = null;
        Optional<TunableConnector> connector = tuner.connector(route);
        if (connectorChanged) {
            if (connector.isEmpty()) {
                throw RouteSettingsValidator.notApplicable(request.endpointUrl() != null ? "endpointUrl"
                        : "credentialsRef", id);
            }
            // an empty value clears the setting: the configured endpoint or secret is in force again
            if (request.endpointUrl() != null) {
                endpoint = request.endpointUrl().isBlank() ? null : connector.get().parseEndpoint(request.endpointUrl());
            }
            if (request.credentialsRef() != null) {
                reference = request.credentialsRef().isBlank() ? null : request.credentialsRef().strip();
            }
            secret = reference == null ? null : RouteSettingsValidator.secretOf(reference, environment);
            next = next.withConnector(endpoint, reference);
        }
        try {
            if (connectorChanged) {
                connector.get().apply(endpoint, secret);
                // a connector may rebuild its route (the file feeds do): what follows acts on the new one
                route = route(id);
            }
            if (poll != null) {
                tuner.applyPollInterval(route, poll);
            }
            if (retry != null) {
                tuner.applyRetry(queue.get(), retry);
            }
            if (channels != null) {
                tuner.applyChannels(channels, this::heldStopped);
            }
        } catch (ApiProblem e) {
            restoreConnector(route, connector, connectorChanged, stored);
            throw e;
        } catch (Exception e) {
            restoreConnector(route, connector, connectorChanged, stored);
            throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "APPLY_FAILED", "settings", "applied-live",
                    "the settings of route " + id + " could not be applied (nothing was stored): " + e.getMessage(),
                    "không áp dụng được thiết lập của tuyến " + id + " (chưa lưu gì)");
        }
        store.save(next, operator);
        changes.announce(id, AdminChanges.Kind.SETTINGS);
        RouteView after = view(route);
        audit.record(AuditEvent.of(AuditStep.ADMIN_ACTION).routeId(id).actor(operator).origin(origin)
                .detail("settings of route " + id + " changed: before " + before + "; after " + after.settings())
                .build());
        log.info("settings of route {} changed by {}: {}", id, operator, after.settings());
        return after;
    }

    /**
     * A later step of a settings change failed after the connector took its new endpoint: nothing is
     * stored, so the connector goes back to what is (a connector that itself refused is unchanged).
     */
    private void restoreConnector(Route route, Optional<TunableConnector> connector, boolean changed,
                                  RouteSettings stored) {
        if (!changed || connector.isEmpty()) {
            return;
        }
        try {
            connector.get().apply(stored.endpointUrl(), stored.credentialsRef() == null ? null
                    : RouteSettingsValidator.secretOf(stored.credentialsRef(), environment));
        } catch (Exception e) {
            log.error("route {}: its connector could not be put back to the stored settings: {}", route.getRouteId(),
                    e.toString());
        }
    }

    /** At start-up: puts the stored settings in force over the configuration's (see RouteSettingsStartup). */
    void reapplyStored() {
        for (RouteSettings s : store.all()) {
            Route route = camel.getRoute(s.routeId());
            if (route == null) {
                log.warn("stored settings name route {}, which this bus does not have: ignored", s.routeId());
                continue;
            }
            try {
                applyStored(s, route, false);
                if (s.stopped() && !camel.getRouteController().getRouteStatus(s.routeId()).isStopped()) {
                    camel.getRouteController().stopRoute(s.routeId());
                }
                log.info("route {}: stored settings applied (by {} at {}){}", s.routeId(), s.updatedBy(),
                        s.updatedAt(), s.stopped() ? ", held stopped" : "");
            } catch (Exception e) {
                // the bus must still start; the route keeps its configured settings and says so
                log.error("route {}: stored settings could not be applied: {}", s.routeId(), e.toString());
            }
        }
    }

    /**
     * Another node of the cluster changed this route (see {@link AdminChanges}): the stored settings
     * are put in force here too, and a stored stop or start is followed — except by the single-active
     * pollers, which only the leader runs (the call reached the leader). Suspend is a pause of one
     * node and is not announced. The change was audited where it was made.
     */
    synchronized void applyChangeMadeElsewhere(String id, AdminChanges.Kind kind, String node) {
        Route route = camel.getRoute(id);
        if (route == null) {
            log.warn("node {} changed route {}, which this bus does not have: ignored", node, id);
            return;
        }
        RouteSettings s = store.find(id).orElse(RouteSettings.none(id));
        try {
            RouteController controller = camel.getRouteController();
            if (kind == AdminChanges.Kind.SETTINGS) {
                applyStored(s, route, true);
            } else if (!singleActive.manages(id)) {
                ServiceStatus status = controller.getRouteStatus(id);
                if (kind == AdminChanges.Kind.STOP && s.stopped() && !status.isStopped()) {
                    controller.stopRoute(id);
                } else if (kind == AdminChanges.Kind.START && !s.stopped() && status.isStopped()) {
                    controller.startRoute(id);
                }
            }
            log.info("route {}: {} made on node {} by {} applied here: {}", id, kind, node, s.updatedBy(),
                    controller.getRouteStatus(id));
        } catch (Exception e) {
            log.error("route {}: {} made on node {} could not be applied here (it will be at the next start): {}",
                    id, kind, node, e.toString());
        }
    }

    /**
     * @param everyConnector also a connector the stored settings leave at its configuration: at a
     *                       start it is there already; after another node's change it may not be
     */
    private void applyStored(RouteSettings s, Route route, boolean everyConnector) throws Exception {
        Optional<TunableConnector> connector = tuner.connector(route);
        if ((everyConnector || s.endpointUrl() != null || s.credentialsRef() != null) && connector.isPresent()) {
            connector.get().apply(s.endpointUrl(), s.credentialsRef() == null ? null
                    : RouteSettingsValidator.secretOf(s.credentialsRef(), environment));
            // a connector may rebuild its route (the file feeds do): the rest applies to the new one
            route = camel.getRoute(s.routeId());
        }
        if (s.pollInterval() != null && tuner.pollInterval(route).isPresent()) {
            tuner.applyPollInterval(route, s.pollInterval());
        }
        if (s.retry() != null) {
            Optional<String> queue = tuner.consumedQueue(route);
            if (queue.isPresent()) {
                tuner.applyRetry(queue.get(), s.retry());
            }
        }
        if (s.enabledChannels() != null && tuner.hasChannels(route)) {
            tuner.applyChannels(s.enabledChannels(), this::heldStopped);
        }
    }

    /** Routes that must not start with the context: stopped by an operator, or of a disabled channel. */
    List<String> heldStoppedRoutes() {
        List<String> held = new ArrayList<>();
        Set<Channel> enabled = enabledChannels();
        for (RouteSettings s : store.all()) {
            if (s.stopped()) {
                held.add(s.routeId());
            }
        }
        RouteTuner.CHANNEL_ROUTES.forEach((channel, id) -> {
            if (!enabled.contains(channel) && !held.contains(id)) {
                held.add(id);
            }
        });
        return held;
    }

    private boolean heldStopped(String id) {
        return store.find(id).map(RouteSettings::stopped).orElse(false);
    }

    private Set<Channel> enabledChannels() {
        return store.find(RouteTuner.DISPATCH_ROUTE).map(RouteSettings::enabledChannels)
                .orElse(EnumSet.allOf(Channel.class));
    }

    private static Optional<Channel> channelOf(String routeId) {
        return RouteTuner.CHANNEL_ROUTES.entrySet().stream().filter(e -> e.getValue().equals(routeId))
                .map(java.util.Map.Entry::getKey).findFirst();
    }

    private Route route(String id) {
        Route route = id == null ? null : camel.getRoute(id);
        if (route == null) {
            throw ApiProblem.notFound("id", "no route '" + id + "'", "không có tuyến '" + id + "'");
        }
        return route;
    }

    private RouteView view(Route route) {
        String id = route.getRouteId();
        ServiceStatus status = camel.getRouteController().getRouteStatus(id);
        RouteSettings stored = store.find(id).orElse(RouteSettings.none(id));
        RouteStatistics.Snapshot s = statistics.of(id);
        List<String> editable = new ArrayList<>();
        String poll = tuner.pollInterval(route).map(Duration::toString).orElse(null);
        if (poll != null) {
            editable.add("pollInterval");
        }
        RouteView.Retry retry = null;
        Optional<String> queue = tuner.consumedQueue(route);
        if (queue.isPresent()) {
            editable.add("retry");
            RetryPolicy p = stored.retry() == null ? configuredRetry : stored.retry();
            retry = new RouteView.Retry(queue.get(), p.maxRedeliveries(), p.redeliveryDelay().toString(),
                    p.backOffMultiplier(), p.maxRedeliveryDelay().toString());
        }
        List<String> channels = null;
        if (tuner.hasChannels(route)) {
            editable.add("enabledChannels");
            channels = enabledChannels().stream().map(Enum::name).sorted().toList();
        }
        String endpointUrl = null;
        Optional<TunableConnector> connector = tuner.connector(route);
        if (connector.isPresent()) {
            editable.add("endpointUrl");
            editable.add("credentialsRef");
            endpointUrl = URISupport.sanitizeUri(connector.get().endpoint().toString());
        }
        return new RouteView(id, status == null ? "Unknown" : status.name(),
                URISupport.sanitizeUri(route.getEndpoint().getEndpointUri()), stored.stopped(),
                new RouteView.Exchanges(s.total(), s.failed(), s.inflight()), s.throughputPerMinute(),
                s.meanProcessingMillis(), s.maxProcessingMillis(), s.lastError(),
                new RouteView.Settings(poll, retry, channels, endpointUrl, stored.credentialsRef()), editable);
    }
}
