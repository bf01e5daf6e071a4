package vn.gov.bus.app;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The people the embedded default configuration knows (demo users, refused in production), one per
 * role. Tests call the bus's people-facing APIs as one of them with HTTP Basic; the console itself
 * uses a login form, a session and CSRF tokens (see docs/security.md).
 */
public enum TestUsers {
    ADMIN("admin", "demo-admin"),
    OPERATOR("operator", "demo-operator"),
    AUDITOR("auditor", "demo-auditor");

    public final String username;
    public final String password;

    TestUsers(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** The value of an {@code Authorization} header for this user. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpRequest.Builder authorize(HttpRequest.Builder request) {
        return request.header("Authorization", basicAuthorization());
    }

    public TestRestTemplate on(TestRestTemplate rest) {
        return rest.withBasicAuth(username, password);
    }
}
