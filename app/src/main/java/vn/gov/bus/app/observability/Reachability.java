package vn.gov.bus.app.observability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health of one external system, judged by reaching it: an HTTP answer below 500 from its
 * endpoint (axis, registry), or an accepted TCP connection (mail servers, SFTP/FTP drop boxes).
 * It proves the network path and that something listens, not that the partner accepts the bus's
 * credentials: those failures show in the routes' metrics and dead-letter queues. Addresses are
 * read at each check (the simulators' ports are chosen at start); user names and secrets never
 * appear in the details.
 */
final class Reachability {

    private Reachability() {
    }

    static HealthIndicator http(Supplier<URI> endpoint, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return () -> {
            URI uri = endpoint.get();
            if (uri == null) {
                return Health.unknown().withDetail("reason", "no endpoint configured").build();
            }
            URI shown = withoutUserInfo(uri);
            long started = System.nanoTime();
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                Health.Builder health = answer.statusCode() < 500 ? Health.up() : Health.down();
                return health.withDetail("endpoint", shown.toString()).withDetail("httpStatus", answer.statusCode())
                        .withDetail("millis", (System.nanoTime() - started) / 1_000_000).build();
            } catch (IOException e) {
                return Health.down().withDetail("endpoint", shown.toString()).withDetail("error", e.toString()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.unknown().withDetail("endpoint", shown.toString()).build();
            }
        };
    }

    static HealthIndicator tcp(Supplier<String> host, Supplier<Integer> port, Duration timeout) {
        return () -> {
            String h = host.get();
            Integer p = port.get();
            if (h == null || h.isBlank() || p == null || p <= 0) {
                return Health.unknown().withDetail("reason", "no host and port configured").build();
            }
            long started = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(h, p), (int) timeout.toMillis());
                return Health.up().withDetail("address", h + ":" + p)
                        .withDetail("millis", (System.nanoTime() - started) / 1_000_000).build();
            } catch (IOException e) {
                return Health.down().withDetail("address", h + ":" + p).withDetail("error", e.toString()).build();
            }
        };
    }

    /**
     * Every server of a list (the feed routes may each be pointed at another drop box): up when all
     * accept a connection, down when one does not, unknown when the list is empty.
     */
    static HealthIndicator tcpEach(Supplier<java.util.List<URI>> servers, Duration timeout) {
        return () -> {
            java.util.List<URI> all = servers.get().stream().map(u -> URI.create(u.getScheme() + "://" + u.getHost()
                    + ":" + u.getPort())).distinct().toList();
            if (all.isEmpty()) {
                return Health.unknown().withDetail("reason", "no server configured").build();
            }
            Health.Builder health = Health.up();
            for (URI server : all) {
                Health one = tcp(server::getHost, server::getPort, timeout).health();
                if (!org.springframework.boot.actuate.health.Status.UP.equals(one.getStatus())) {
                    health.down();
                }
                health.withDetail(server.getHost() + ":" + server.getPort(), one.getDetails());
            }
            return health.build();
        };
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (java.net.URISyntaxException e) {
            return URI.create(uri.getScheme() + "://" + uri.getHost());
        }
    }
}
