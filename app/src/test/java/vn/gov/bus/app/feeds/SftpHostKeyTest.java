package vn.gov.bus.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bus.app.TestPorts;
import vn.gov.bus.connectors.feeds.simulator.SftpDropBox;

/**
 * The SFTP client settings the feeds use (known_hosts, strict host key checking, no user
 * known_hosts) against a real SSH server: a server whose key is not the one in known_hosts —
 * a man in the middle, or a partner's server replaced — gets no file taken from it.
 */
class SftpHostKeyTest {

    @TempDir
    Path dir;

    String uri(SftpDropBox box, Path knownHosts) {
        return "sftp://bus@127.0.0.1:" + box.port() + "/drop?password=secret&knownHostsFile=" + knownHosts
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false&throwExceptionOnConnectFailed=true"
                + "&bridgeErrorHandler=true&delay=200&noop=true";
    }

    List<Object> consume(SftpDropBox box, Path knownHosts, List<Exception> failures) throws Exception {
        List<Object> taken = new CopyOnWriteArrayList<>();
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> failures.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
                from(uri(box, knownHosts)).routeId("host-key-test")
                        .process(e -> taken.add(e.getIn().getHeader(Exchange.FILE_NAME_ONLY)));
            }
        });
        camel.start();
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> !taken.isEmpty() || !failures.isEmpty());
        } finally {
            camel.stop();
        }
        return taken;
    }

    @Test
    void aServerWhoseHostKeyIsNotTheOneInKnownHostsIsRefusedAndNoFileIsTaken() throws Exception {
        try (SftpDropBox genuine = new SftpDropBox(dir.resolve("genuine"), "127.0.0.1", TestPorts.free(), "bus", "secret",
                dir.resolve("genuine.ser"));
             SftpDropBox impostor = new SftpDropBox(dir.resolve("impostor"), "127.0.0.1", TestPorts.free(), "bus", "secret",
                     dir.resolve("impostor.ser"))) {
            genuine.start();
            impostor.start();
            Files.createDirectories(impostor.root().resolve("drop"));
            Files.writeString(impostor.root().resolve("drop/statement.xml"), "<x/>", StandardCharsets.UTF_8);
            // known_hosts names the genuine key, under the impostor's address
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, genuine.knownHostsLine().replace(":" + genuine.port() + "]",
                    ":" + impostor.port() + "]") + "\n");

            List<Exception> failures = new CopyOnWriteArrayList<>();
            assertThat(consume(impostor, knownHosts, failures)).isEmpty();
            assertThat(failures).isNotEmpty();
            assertThat(failures.get(0)).hasStackTraceContaining("HostKey");
        }
    }

    @Test
    void theServerWhoseHostKeyIsInKnownHostsIsTrusted() throws Exception {
        try (SftpDropBox genuine = new SftpDropBox(dir.resolve("genuine"), "127.0.0.1", TestPorts.free(), "bus", "secret",
                dir.resolve("genuine.ser"))) {
            genuine.start();
            Files.createDirectories(genuine.root().resolve("drop"));
            Files.writeString(genuine.root().resolve("drop/statement.xml"), "<x/>", StandardCharsets.UTF_8);
            Path knownHosts = dir.resolve("known_hosts");
            genuine.writeKnownHosts(knownHosts);
            List<Exception> failures = new CopyOnWriteArrayList<>();
            assertThat(consume(genuine, knownHosts, failures)).containsExactly("statement.xml");
            assertThat(failures).isEmpty();
        }
    }
}
