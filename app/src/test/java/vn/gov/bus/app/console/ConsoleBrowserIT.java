package vn.gov.bus.app.console;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.FINANCE_TOKEN;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE;
import static vn.gov.bus.app.DemoAgencies.OFFICE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;

/**
 * The web console in a real browser: the bus on a random port with its simulators, and Playwright
 * (app/src/test/browser, playwright-core from npm) driving Debian's headless Chromium through the key
 * flows. Each test prepares real data through the bus's own endpoints, runs one flow of
 * console-flows.mjs and checks its exit code (its output is printed), then what the flow did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.broker.redelivery-delay=100ms",
        "bus.broker.max-redelivery-delay=400ms",
        "bus.broker.max-delivery-attempts=3",
        "bus.axis.request-timeout=5s",
        // the incoming poller's requests would use up the axis fault the dead-letter test injects
        "bus.axis.poll-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsoleBrowserIT {

    static final Path BROWSER_TESTS = Path.of("src/test/browser").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BUS_CHROMIUM", "/usr/bin/chromium"));
    static final Duration FLOW_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @LocalServerPort
    int port;
    @Autowired
    AxisSimulator axis;
    @Autowired
    JmsTemplate jms;
    @Autowired
    CamelContext camel;

    /** No silent skip: a machine without Chromium fails, saying what to install. */
    @BeforeAll
    static void browserAndPlaywrightAreThere() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .withFailMessage("Chromium is needed for the console's browser tests and was not found at %s. "
                        + "Install Debian's package: sudo apt-get install -y chromium (.ci/run does this), "
                        + "or set BUS_CHROMIUM to a Chromium binary.", CHROMIUM)
                .isTrue();
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            // playwright-core never downloads a browser; the lock file pins its version
            Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
            assertThat(npm.exit()).withFailMessage("npm ci in %s failed:%n%s", BROWSER_TESTS, npm.output()).isZero();
        }
    }

    @Test
    void wrongPasswordIsRefusedAndTheRightOneLandsOnTheVietnameseDashboardWithTheRolesPages() throws Exception {
        flow("login");
    }

    @Test
    void languageSwitchRelabelsTheConsoleInEnglishAndIsRememberedAfterAReload() throws Exception {
        flow("language");
    }

    @Test
    void everyPageFitsA1366By768ScreenWithoutHorizontalScrolling() throws Exception {
        flow("overflow");
    }

    @Test
    void operatorStopsAndStartsARouteFromTheConsole() throws Exception {
        String route = "deliver-local";
        flow("route", "route=" + route);
        assertThat(camel.getRouteController().getRouteStatus(route)).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void operatorRetriesADeadLetterAndTheDocumentReachesTheAxis() throws Exception {
        axis.failNext(1, 400);
        String documentId = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc()
                .from(OFFICE, "Văn phòng UBND tỉnh").to(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .subject("Về việc báo cáo chuyển đổi số").build()).documentId();
        String queue = "DLQ.bus.deliver.axis";
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(queue).contains(documentId));

        flow("deadLetter", "queue=" + queue, "documentId=" + documentId);

        await().atMost(Duration.ofSeconds(60)).until(() -> axis.countByDocumentId(documentId) == 1);
        assertThat(deadLetters(queue)).doesNotContain(documentId);
    }

    @Test
    void documentIsFoundByItsNumberAndNotationAndItsTimelineShown() throws Exception {
        String code = ThreadLocalRandom.current().nextInt(10_000, 99_999) + "";
        String documentId = system(OFFICE, OFFICE_TOKEN).send(SamplePackages.edoc()
                .from(OFFICE, "Văn phòng UBND tỉnh").to(FINANCE, "Sở Tài chính").code(code, "VP-TTr")
                .subject("Về việc kiểm tra theo dõi văn bản").build()).documentId();
        LocalDocumentSystemSimulator finance = system(FINANCE, FINANCE_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> finance.pendingIds().stream()
                .anyMatch(i -> documentId.equals(i.documentId())));

        flow("document", "documentId=" + documentId, "sender=" + OFFICE, "recipient=" + FINANCE);
    }

    private void flow(String name, String... params) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "console-flows.mjs", "http://127.0.0.1:" + port, name));
        command.addAll(List.of(params));
        Result result = run(command, FLOW_TIMEOUT);
        System.out.println("--- console browser flow " + name + " ---\n" + result.output());
        assertThat(result.exit()).withFailMessage("browser flow %s failed (exit %d):%n%s", name, result.exit(),
                result.output()).isZero();
    }

    private LocalDocumentSystemSimulator system(String organId, String token) {
        return new LocalDocumentSystemSimulator(URI.create("http://127.0.0.1:" + port + "/services/hub"), organId, token);
    }

    private List<String> deadLetters(String queue) {
        return jms.browse(queue, (session, browser) -> {
            List<String> ids = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                ids.add(((jakarta.jms.Message) messages.nextElement()).getStringProperty("BusDocumentId"));
            }
            return ids;
        });
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(BROWSER_TESTS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (Node.js and npm are needed for the "
                    + "console's browser tests: apt-get install -y nodejs npm): " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        // read while it runs, so a chatty process never blocks on a full pipe
        var output = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the process ended; what was read is reported
            }
        }, "browser-flow-output");
        reader.setDaemon(true);
        reader.start();
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        reader.join(10_000);
        String text = output.toString(StandardCharsets.UTF_8);
        return ended ? new Result(process.exitValue(), text)
                : new Result(-1, text + "\n(stopped after " + timeout.toSeconds() + " s)");
    }
}
