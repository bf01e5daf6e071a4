package vn.gov.bus.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bus.app.TestPorts;
import vn.gov.bus.connectors.feeds.simulator.FtpDropBox;

/**
 * A feed route of the FeedRoutes shape (consume; a refused file's reason written back through a
 * producer) moved between two real FTP servers (Apache FtpServer) by {@link FeedConnectorTuning}.
 * The SFTP side is proven end to end in FeedsFlowTest; this one covers the FTP scheme, the state
 * a route is put back in, and a change refused before anything stopped.
 */
class FeedConnectorTuningTest {

    @TempDir
    Path dir;

    FtpDropBox first;
    FtpDropBox second;
    DefaultCamelContext camel;
    final List<String> taken = new CopyOnWriteArrayList<>();
    FeedConnectorTuning tuning;

    @BeforeEach
    void start() throws Exception {
        first = new FtpDropBox(dir.resolve("first"), "127.0.0.1", TestPorts.free(), "bus", "first-pw");
        second = new FtpDropBox(dir.resolve("second"), "127.0.0.1", TestPorts.free(), "chi-nhanh", "second-pw");
        first.start();
        second.start();
        Files.createDirectories(first.root().resolve("in"));
        Files.createDirectories(second.root().resolve("hop-thu/den"));
        String options = "?password=RAW(first-pw)&passiveMode=true&connectTimeout=5000";
        Properties properties = new Properties();
        properties.put("test.uri", "ftp://bus@127.0.0.1:" + first.port() + "/in" + options + "&move=.done&delay=200");
        properties.put("test.reason-uri", "ftp://bus@127.0.0.1:" + first.port() + "/in" + options);
        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("{{test.uri}}").routeId("feed")
                        .process(e -> taken.add(e.getIn().getHeader(Exchange.FILE_NAME, String.class)))
                        .filter(header(Exchange.FILE_NAME).endsWith(".bad"))
                            .setBody(constant("refused"))
                            .setHeader(Exchange.FILE_NAME, simple("${file:name}.reason.txt"))
                            .to("{{test.reason-uri}}")
                        .end();
            }
        });
        camel.start();
        tuning = new FeedConnectorTuning(camel, "feed", change -> change.call());
    }

    @AfterEach
    void stop() {
        camel.stop();
        first.stop();
        second.stop();
    }

    static void put(Path folder, String name) throws Exception {
        Files.writeString(folder.resolve(name), "x;y\n", StandardCharsets.UTF_8);
    }

    @Test
    void anFtpFeedMovedToAnotherServerAndDirectoryTakesItsFilesThereAndWritesReasonsThereOnlyUntilItIsMovedBack() throws Exception {
        put(first.root().resolve("in"), "a.csv");
        await().atMost(20, TimeUnit.SECONDS).until(() -> taken.contains("a.csv"));
        assertThat(tuning.endpoint()).hasToString("ftp://bus@127.0.0.1:" + first.port() + "/in");

        URI moved = tuning.parseEndpoint("ftp://chi-nhanh@127.0.0.1:" + second.port() + "/hop-thu/den");
        tuning.apply(moved, "second-pw");
        assertThat(tuning.endpoint()).isEqualTo(moved);
        assertThat(camel.getRouteController().getRouteStatus("feed")).isEqualTo(ServiceStatus.Started);

        put(first.root().resolve("in"), "c.csv");
        Path inbox = second.root().resolve("hop-thu/den");
        put(inbox, "b.bad");
        await().atMost(20, TimeUnit.SECONDS).until(() -> Files.exists(inbox.resolve(".done/b.bad")));
        assertThat(inbox.resolve("b.bad.reason.txt")).hasContent("refused");
        assertThat(first.root().resolve("in/b.bad.reason.txt")).doesNotExist();
        assertThat(taken).containsExactly("a.csv", "b.bad");
        assertThat(first.root().resolve("in/c.csv")).exists();

        // the settings cleared: the configured server, user, directory and password, whatever was in force
        tuning.apply(null, null);
        assertThat(tuning.endpoint()).hasToString("ftp://bus@127.0.0.1:" + first.port() + "/in");
        await().atMost(20, TimeUnit.SECONDS).until(() -> taken.contains("c.csv"));
    }

    @Test
    void aSuspendedFeedStaysSuspendedAndASecretCamelCannotCarryLeavesItAsItWas() throws Exception {
        camel.getRouteController().suspendRoute("feed");
        URI before = tuning.endpoint();
        URI moved = tuning.parseEndpoint("ftp://chi-nhanh@127.0.0.1:" + second.port() + "/hop-thu/den");

        assertThatThrownBy(() -> tuning.apply(moved, "a)b}c")).isInstanceOf(IllegalArgumentException.class);
        assertThat(tuning.endpoint()).isEqualTo(before);
        assertThat(camel.getRouteController().getRouteStatus("feed")).isEqualTo(ServiceStatus.Suspended);

        tuning.apply(moved, "second-pw");
        assertThat(tuning.endpoint()).isEqualTo(moved);
        assertThat(camel.getRouteController().getRouteStatus("feed")).isEqualTo(ServiceStatus.Suspended);
        put(second.root().resolve("hop-thu/den"), "d.csv");
        camel.getRouteController().resumeRoute("feed");
        await().atMost(20, TimeUnit.SECONDS).until(() -> taken.contains("d.csv"));
    }
}
