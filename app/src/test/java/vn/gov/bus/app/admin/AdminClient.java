package vn.gov.bus.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import vn.gov.bus.app.TestUsers;

/**
 * Calls the admin API over HTTP as one of the demo users (HTTP Basic, for when Spring Security is
 * merged) naming the operator in X-Bus-Operator (the interim operator identity). Public for the
 * flow tests of other packages that retune their connector through the admin API.
 */
public final class AdminClient {

    public record Answer(int status, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final TestUsers user;

    public AdminClient(int port, TestUsers user) {
        this("http://127.0.0.1:" + port, user);
    }

    public AdminClient(String baseUrl, TestUsers user) {
        this.base = baseUrl;
        this.user = user;
    }

    /** A settings change the bus must refuse with 400, naming the field and the rule (in both languages). */
    public void assertSettingsRefused(String route, String body, String field, String rule) throws Exception {
        Answer answer = put("/api/admin/routes/" + route + "/settings", body);
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(body + " -> " + answer.json()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(answer.json().path("field").asText()).as(body).isEqualTo(field);
        org.assertj.core.api.Assertions.assertThat(answer.json().path("rule").asText()).as(body).isEqualTo(rule);
        org.assertj.core.api.Assertions.assertThat(answer.json().path("messageVi").asText()).as(body).isNotBlank();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public Answer get(String path) throws Exception {
        return send(request(path).GET());
    }

    public Answer post(String path, Object body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Answer put(String path, Object body) throws Exception {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text)));
    }

    private HttpRequest.Builder request(String path) {
        return user.authorize(HttpRequest.newBuilder(URI.create(base + path)))
                .header("X-Bus-Operator", user.username);
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        boolean json = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
        return new Answer(response.statusCode(), json && !body.isBlank() ? JSON.readTree(body) : null);
    }
}
