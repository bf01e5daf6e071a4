package vn.gov.bus.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone ActiveMQ Artemis broker, a process of its own made from the real distribution
 * (unpacked into target/ by the build, system property artemis.home) with {@code artemis create},
 * run with the bus's queue settings (config/artemis/broker.properties), as an operator would.
 */
final class ArtemisBrokerProcess implements AutoCloseable {

    static final String USER = "bus";
    static final String PASSWORD = "broker-test-password";

    private final Path instance;
    private final Path properties;
    private final Path log;
    private final int port;
    private Process process;

    private ArtemisBrokerProcess(Path instance, Path properties, Path log, int port) {
        this.instance = instance;
        this.properties = properties;
        this.log = log;
        this.port = port;
    }

    /**
     * Creates a broker instance under {@code dir}. {@code overrides} are broker properties appended
     * to the bus's (the last value of a key wins), e.g. shorter redelivery delays for a test.
     */
    static ArtemisBrokerProcess create(Path dir, int port, List<String> overrides) throws Exception {
        Path home = Path.of(System.getProperty("artemis.home", "target/artemis-dist/apache-artemis-2.40.0"));
        Path instance = dir.resolve("broker");
        run(List.of(home.resolve("bin/artemis").toString(), "create", instance.toString(), "--silent",
                "--user", USER, "--password", PASSWORD, "--require-login", "--no-web", "--no-autotune",
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor",
                "--default-port", String.valueOf(port), "--java-memory", "512M"), dir.resolve("broker-create.log"));
        Path busSettings = Path.of(System.getProperty("user.dir")).resolve("../config/artemis/broker.properties");
        List<String> lines = new ArrayList<>(Files.readAllLines(busSettings));
        lines.addAll(overrides);
        Path properties = Files.write(dir.resolve("broker.properties"), lines);
        return new ArtemisBrokerProcess(instance, properties, dir.resolve("broker.log"), port);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the broker (again, on the same journal after a kill) and waits for its acceptor. */
    ArtemisBrokerProcess start() throws IOException {
        process = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run",
                "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .failFast("broker exited, see " + log, () -> !process.isAlive()).until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return Files.readString(log).contains("AMQ221007");
            }
        });
        return this;
    }

    /** SIGKILL: the broker's journal is left as a power cut would leave it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed, see " + log);
        }
    }
}
