package vn.gov.bus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.connectors.mail.simulator.MailServerSimulator;
import vn.gov.bus.core.state.MailReceipts;

/**
 * What `./bus start` shows, on the embedded defaults (seeded commune with a mailbox on the mail
 * simulator): the commune's mails enter the bus, and documents to the commune leave it by mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=true",
        "bus.simulators.demo-interval=1s",
        "bus.simulators.axis-directory-size=1000",
        "bus.directory.sync-enabled=false",
        "bus.mail.incoming.poll-interval=500ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailDemoTrafficTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @Autowired
    MailServerSimulator mailServer;
    @Autowired
    MailReceipts receipts;

    @Test
    void demoTrafficCarriesMailBothWaysOnTheEmbeddedDefaults() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(receipts.count(MailReceipts.Outcome.QUEUED)).as("commune mails taken in").isPositive();
            assertThat(mailServer.mailsFor("vanthu@tanbinh.tayninh.gov.vn"))
                    .as("mails the bus sent to the commune")
                    .anySatisfy(m -> assertThat(m.getFrom()[0].toString()).contains("congvan@tayninh.gov.vn"));
        });
    }
}
