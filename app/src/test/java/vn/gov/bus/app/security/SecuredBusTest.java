package vn.gov.bus.app.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;

/**
 * One bus (embedded defaults, simulators, real HTTP port) shared by the people-security tests:
 * every subclass inherits the same configuration, so Spring starts it once. Besides the demo users
 * it knows {@link #LOCKABLE} (whom the throttling test locks out), {@link #ROAMING},
 * {@link #FORGETFUL} and {@link #CARELESS} (each one test's wrong passwords), and trusts 127.0.0.1 as a proxy so
 * that tests can speak for distinct client addresses through X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=100",
        "bus.axis.poll-enabled=false",
        "bus.directory.sync-enabled=false",
        "bus.feeds.enabled=false",
        "bus.mail.incoming.enabled=false",
        "bus.security.trusted-proxies=127.0.0.1",
        "bus.security.login-throttle.max-failures=3",
        "bus.security.login-throttle.address-max-failures=8",
        "bus.security.prometheus-token-sha256=" + SecuredBusTest.SCRAPE_TOKEN_SHA256})
abstract class SecuredBusTest {

    static final String SCRAPE_TOKEN = "scrape-token-for-tests";
    /** echo -n scrape-token-for-tests | sha256sum */
    static final String SCRAPE_TOKEN_SHA256 = "c70f4a08319a723271c6764e7f20a90423c77e9e552c177a8b423e2685041589";

    static final String LOCKABLE = "lockable";
    static final String LOCKABLE_PASSWORD = "lockable-" + UUID.randomUUID();
    /**
     * Users only the tests of wrong passwords and locked addresses log in as: the classes sharing
     * this bus run in any order within the throttle's window, and a demo user's failures would
     * lock it for the classes after them.
     */
    static final String ROAMING = "roaming";
    static final String ROAMING_PASSWORD = "roaming-" + UUID.randomUUID();
    static final String FORGETFUL = "forgetful";
    static final String CARELESS = "careless";

    /** Not a JUnit temp dir: the context outlives the first test class that starts it. */
    static final Path DATA_DIR = dataDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, DATA_DIR);
        int i = 0;
        for (TestUsers user : TestUsers.values()) {
            user(registry, i++, user.username, user.password, user.name());
        }
        user(registry, i++, LOCKABLE, LOCKABLE_PASSWORD, "OPERATOR");
        user(registry, i++, ROAMING, ROAMING_PASSWORD, "OPERATOR");
        user(registry, i++, FORGETFUL, "forgetful-" + UUID.randomUUID(), "AUDITOR");
        user(registry, i, CARELESS, "careless-" + UUID.randomUUID(), "ADMIN");
    }

    private static void user(DynamicPropertyRegistry registry, int i, String name, String password, String role) {
        String hash = new BCryptPasswordEncoder(4).encode(password);
        registry.add("bus.security.users[" + i + "].username", () -> name);
        registry.add("bus.security.users[" + i + "].password-hash", () -> hash);
        registry.add("bus.security.users[" + i + "].roles", () -> role);
        registry.add("bus.security.users[" + i + "].display-name", () -> "Người dùng " + name);
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "bus-security-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    AuditStore auditStore;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String method, String path, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (jsonBody == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    /** The security records (route "security") written since {@code afterSeq}. */
    List<AuditRecord> securityRecordsAfter(long afterSeq) {
        List<AuditRecord> out = new ArrayList<>();
        for (AuditRecord r : auditStore.search(new AuditQuery(null, null, null, null, SecurityAudit.ROUTE,
                AuditStep.ADMIN_ACTION, null, null, null), 0, 500).records()) {
            if (r.seq() > afterSeq) {
                out.add(r);
            }
        }
        return out;
    }

    long lastSeq() {
        return auditStore.search(AuditQuery.all(), 0, 1).records().stream().mapToLong(AuditRecord::seq).max().orElse(0);
    }

    /** A browser's cookie jar, kept by hand so the tests say exactly which cookie goes where. */
    static final class Cookies {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> setCookieLines = new LinkedHashMap<>();

        void take(HttpResponse<?> response) {
            for (String line : response.headers().allValues("Set-Cookie")) {
                String pair = line.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                setCookieLines.put(name, line);
                if (value.isEmpty() || line.toLowerCase().contains("max-age=0")) {
                    values.remove(name);
                } else {
                    values.put(name, value);
                }
            }
        }

        HttpRequest.Builder on(HttpRequest.Builder request) {
            if (!values.isEmpty()) {
                request.header("Cookie", String.join("; ", values.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            return request;
        }

        String get(String name) {
            return values.get(name);
        }
    }
}
