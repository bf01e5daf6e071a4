package vn.gov.bus.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged bus started as a separate JVM, as an operator would run it. */
final class BusProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private BusProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static BusProcess start(Path dataDir, int port, List<String> properties, Path log) throws IOException {
        BusProcess bus = launch(dataDir, port, properties, log);
        bus.awaitHealthy();
        return bus;
    }

    /** Starts the process without waiting for it to be healthy (several nodes start side by side). */
    static BusProcess launch(Path dataDir, int port, List<String> properties, Path log) throws IOException {
        String jar = System.getProperty("bus.jar");
        String nativeDir = System.getProperty("bus.native.dir");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.library.path=" + nativeDir, "-jar", jar,
                "--server.port=" + port, "--bus.data-dir=" + dataDir));
        command.addAll(properties);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new BusProcess(process, port);
    }

    URI hubUrl() {
        return URI.create("http://127.0.0.1:" + port + "/services/hub");
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The body of /actuator/health (details shown when the node is started with show-details). */
    String health() throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        return HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Ready = Camel started, state database and broker up (the external partners may still be down). */
    void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        // a loaded machine (several builds at once) has been seen to need 100 s for one start
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the bus process exited before it was healthy", () -> !process.isAlive())
                .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a power cut of the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
