package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.gov.bus.app.BusApplication;

/** The whole bus, started as production would start it with the shipped demo users left in: it refuses. */
class DemoUsersRefusedTest {

    @TempDir
    Path dataDir;

    @Test
    void theBusDoesNotStartWithTheShippedDemoUsersWhenDemoUsersAreNotAllowed() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(BusApplication.class).run(
                "--bus.data-dir=" + dataDir,
                "--server.port=0",
                "--bus.simulators.enabled=false",
                "--bus.feeds.enabled=false",
                "--bus.mail.incoming.enabled=false",
                "--bus.axis.poll-enabled=false",
                "--bus.directory.sync-enabled=false",
                "--bus.security.allow-demo-users=false").close())
                .rootCause().hasMessageContaining("bus.security.users[0]: user 'admin' has a demo password")
                .hasMessageContaining("bus.security.allow-demo-users is false");
    }
}
