package vn.gov.bus.app.admin;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.file.remote.RemoteFileConfiguration;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.RouteController;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server, directory, user and password of one file-feed route (SFTP or FTP), as settings of
 * that route: the consumer that polls the files and the producer that writes a refused file's
 * reason next to it move together, so refusals land on the server the file came from.
 *
 * <p>Applied by rebuilding the route under the same id: stop (a poll in progress finishes on the
 * old server), the route's definition pointed at the new server, the route created again, and
 * put back in the state it had (a stopped or suspended route stays so). Changing the endpoint's
 * configuration in place is not enough: camel-ftp's consumers keep the directory they were created
 * with ({@code SftpConsumer.endpointPath}, {@code FtpConsumer.endpointPath}: relative names and
 * moves are computed from it) and a route that is only stopped keeps its consumer. The consumer's
 * delay in force (a retuned {@code pollInterval}) is carried over.
 *
 * <p>The host key of a new SFTP server must be in the configured known_hosts file before the
 * change (strict host key checking stays on): the file is read at each connection.
 */
public final class FeedConnectorTuning implements TunableConnector {

    private static final Logger log = LoggerFactory.getLogger(FeedConnectorTuning.class);

    /** Runs a lifecycle change of a route with no leadership grant or revoke in between. */
    @FunctionalInterface
    public interface LifecycleGuard {
        void exclusively(Callable<Void> change) throws Exception;
    }

    private final CamelContext camel;
    private final String routeId;
    private final LifecycleGuard guard;
    /** The route's URIs as the configuration built it, seen before the first rebuild. */
    private String configuredFrom;
    private String configuredReason;
    private URI configuredEndpoint;

    public FeedConnectorTuning(CamelContext camel, String routeId, LifecycleGuard guard) {
        this.camel = camel;
        this.routeId = routeId;
        this.guard = guard;
    }

    @Override
    public String routeId() {
        return routeId;
    }

    @Override
    public URI endpoint() {
        RemoteFileConfiguration c = consumerEndpoint().getConfiguration();
        return FeedEndpointUrls.shown(c.getProtocol(), c.getUsername(), c.getHost(), c.getPort(), c.getDirectory());
    }

    @Override
    public URI parseEndpoint(String text) {
        return FeedEndpointUrls.parse(text, consumerEndpoint().getConfiguration().getProtocol().toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void apply(URI endpoint, String secret) throws Exception {
        rememberConfigured();
        URI target = endpoint != null ? endpoint : configuredEndpoint;
        guard.exclusively(() -> {
            rebuild(target, secret);
            return null;
        });
    }

    private void rememberConfigured() {
        if (configuredFrom == null) {
            RouteDefinition definition = ((ModelCamelContext) camel).getRouteDefinition(routeId);
            configuredFrom = definition.getInput().getUri();
            configuredReason = reasonOf(definition).getUri();
            configuredEndpoint = endpoint();
        }
    }

    private ToDefinition reasonOf(RouteDefinition definition) {
        List<ToDefinition> reasons = ProcessorDefinitionHelper
                .filterTypeInOutputs(definition.getOutputs(), ToDefinition.class).stream()
                .filter(to -> isRemoteFile(camel.resolvePropertyPlaceholders(to.getUri()))).toList();
        if (reasons.size() != 1) {
            throw new IllegalStateException("route " + routeId + " must write its reason files through one "
                    + "SFTP/FTP endpoint, found " + reasons.size());
        }
        return reasons.get(0);
    }

    private void rebuild(URI target, String secret) throws Exception {
        ModelCamelContext model = (ModelCamelContext) camel;
        RouteDefinition definition = model.getRouteDefinition(routeId);
        if (definition == null) {
            throw new IllegalStateException("route " + routeId + " has no definition to rebuild it from");
        }
        ToDefinition reason = reasonOf(definition);
        Route route = camel.getRoute(routeId);
        Long delay = route.getConsumer() instanceof ScheduledPollConsumer poller
                ? poller.getTimeUnit().toMillis(poller.getDelay()) : null;
        String oldFrom = definition.getInput().getUri();
        String oldReason = reason.getUri();
        // from the configured URIs, so that the result depends only on the target and the secret (null: the
        // configured password, which they carry); computed before anything stops: a bad value changes nothing
        String user = configuredUser();
        String newFrom = FeedEndpointUrls.retarget(camel.resolvePropertyPlaceholders(configuredFrom), target, user,
                secret, delay);
        String newReason = FeedEndpointUrls.retarget(camel.resolvePropertyPlaceholders(configuredReason), target, user,
                secret, null);

        if (newFrom.equals(camel.resolvePropertyPlaceholders(oldFrom))
                && newReason.equals(camel.resolvePropertyPlaceholders(oldReason))) {
            // e.g. another node announced settings that leave this connector as it is: no restart for nothing
            return;
        }
        RouteController controller = camel.getRouteController();
        ServiceStatus before = controller.getRouteStatus(routeId);
        controller.stopRoute(routeId);
        try {
            replace(model, definition, newFrom, newReason);
            restore(controller, before);
        } catch (Exception e) {
            log.error("route {}: could not be rebuilt for {} ({}); putting the previous endpoint back", routeId,
                    target, e.toString());
            if (camel.getRoute(routeId) != null && !controller.getRouteStatus(routeId).isStopped()) {
                controller.stopRoute(routeId);
            }
            replace(model, definition, oldFrom, oldReason);
            restore(controller, before);
            throw e;
        }
        log.info("route {}: now polls {} (and writes its reason files there)", routeId, endpoint());
    }

    private void replace(ModelCamelContext model, RouteDefinition definition, String from, String reason)
            throws Exception {
        if (camel.getRoute(routeId) != null) {
            camel.removeRoute(routeId);
        }
        if (model.getRouteDefinition(routeId) != null) {
            model.removeRouteDefinition(definition);
        }
        definition.getInput().setUri(from);
        ProcessorDefinitionHelper.filterTypeInOutputs(definition.getOutputs(), ToDefinition.class).stream()
                .filter(to -> isRemoteFile(camel.resolvePropertyPlaceholders(to.getUri()))).findFirst()
                .orElseThrow().setUri(reason);
        model.addRouteDefinition(definition);
    }

    /** The state the route had: the leader's route policy keeps it from starting on its own. */
    private void restore(RouteController controller, ServiceStatus before) throws Exception {
        ServiceStatus now = controller.getRouteStatus(routeId);
        boolean wasRunning = before != null && (before.isStarted() || before.isSuspended());
        if (wasRunning && (now == null || !now.isStarted())) {
            controller.startRoute(routeId);
        } else if (!wasRunning && now != null && !now.isStopped()) {
            controller.stopRoute(routeId);
        }
        if (before != null && before.isSuspended()) {
            controller.suspendRoute(routeId);
        }
    }

    private String configuredUser() {
        String user = configuredEndpoint.getRawUserInfo();
        return user == null ? null : java.net.URLDecoder.decode(user, java.nio.charset.StandardCharsets.UTF_8);
    }

    private RemoteFileEndpoint<?> consumerEndpoint() {
        Route route = camel.getRoute(routeId);
        if (route == null || !(route.getEndpoint() instanceof RemoteFileEndpoint<?> endpoint)) {
            throw new IllegalStateException("route " + routeId + " does not consume an SFTP/FTP endpoint");
        }
        return endpoint;
    }

    private static boolean isRemoteFile(String uri) {
        int colon = uri.indexOf(':');
        return colon > 0 && FeedEndpointUrls.SCHEMES.contains(uri.substring(0, colon).toLowerCase(Locale.ROOT));
    }
}
