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
        BusProcess bus = new BusProcess(process, port);
        bus.awaitHealthy();
        return bus;
    }

    URI hubUrl() {
        return URI.create("http://127.0.0.1:" + port + "/services/hub");
    }

    /** Ready = Camel started, state database and broker up (the external partners may still be down). */
    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("bus process exited with " + process.exitValue());
                    }
                    return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
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
