package vn.gov.bus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line every in-process bus of the bench starts with: its own data directory and a
 * free port for each embedded simulator (so two measurements never collide on a fixed port), no
 * demo traffic, quiet logs. Command-line arguments, not default properties: they must win over
 * application.yaml. A measurement adds its own settings after these.
 */
final class BenchBus {

    private BenchBus() {
    }

    static String[] arguments(Path dataDir, String... extra) {
        int axis = freePort();
        int smtp = freePort();
        int imap = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--bus.data-dir=" + dataDir,
                "--server.port=0",
                "--bus.simulators.enabled=true",
                "--bus.simulators.demo-traffic=false",
                "--bus.simulators.registry.port=0",
                "--bus.simulators.mail.smtp-port=" + smtp,
                "--bus.simulators.mail.imap-port=" + imap,
                "--bus.mail.smtp.port=" + smtp,
                "--bus.mail.imap.port=" + imap,
                "--bus.simulators.axis-port=" + axis,
                "--bus.axis.endpoint=http://127.0.0.1:" + axis,
                "--logging.level.root=WARN",
                "--logging.level.org.apache.activemq.audit=WARN",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for a simulator", e);
        }
    }
}
