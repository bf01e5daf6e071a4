package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import vn.gov.bus.app.TestUsers;

/**
 * The role matrix (docs/security.md), row by row: each endpoint called as each role and
 * anonymously, allowed (anything but 401/403: the handler ran, or the path's handler is yet to come
 * and answers 404) or refused (401 anonymous, 403 wrong role). A second test fails when the running
 * bus has a handler mapping no row covers: whoever adds an endpoint adds its row here.
 */
class AccessRulesTest extends SecuredBusTest {

    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    static final Set<Role> ADMIN_OPERATOR = EnumSet.of(Role.ADMIN, Role.OPERATOR);
    static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    static final Set<Role> AUDITOR = EnumSet.of(Role.AUDITOR);
    static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

    /** One row: a call, who may make it; {@code publicToo}: anonymous callers may as well. */
    record Rule(String method, String path, String body, Set<Role> roles, boolean publicToo, boolean systems) {
        static Rule of(String method, String path, Set<Role> roles) {
            return new Rule(method, path, method.equals("GET") ? null : "{}", roles, false, false);
        }

        static Rule of(String method, String path, String body, Set<Role> roles) {
            return new Rule(method, path, body, roles, false, false);
        }

        static Rule open(String method, String path) {
            return new Rule(method, path, null, ALL, true, false);
        }

        /** A system endpoint: people's credentials mean nothing there, only a system's token or certificate. */
        static Rule systems(String method, String path) {
            return new Rule(method, path, null, NOBODY, false, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Rule> MATRIX = List.of(
            Rule.of("GET", "/api/admin/routes", ALL),
            Rule.of("GET", "/api/admin/routes/outgoing-dispatch", ALL),
            Rule.of("POST", "/api/admin/routes/no-such-route/start", ADMIN_OPERATOR),
            Rule.of("POST", "/api/admin/routes/no-such-route/stop", ADMIN_OPERATOR),
            Rule.of("POST", "/api/admin/routes/no-such-route/suspend", ADMIN_OPERATOR),
            Rule.of("POST", "/api/admin/routes/no-such-route/resume", ADMIN_OPERATOR),
            Rule.of("PUT", "/api/admin/routes/no-such-route/settings", ADMIN),
            Rule.of("GET", "/api/admin/queues", ADMIN_OPERATOR),
            Rule.of("GET", "/api/admin/queues/bus.outgoing/messages", ADMIN_OPERATOR),
            Rule.of("GET", "/api/admin/queues/bus.outgoing/messages/none", ADMIN_OPERATOR),
            Rule.of("POST", "/api/admin/queues/DLQ.none/messages/none/retry", ADMIN_OPERATOR),
            Rule.of("POST", "/api/admin/queues/DLQ.none/retry-all", ADMIN_OPERATOR),
            Rule.of("POST", "/api/admin/queues/DLQ.none/messages/none/discard", ADMIN_OPERATOR),
            Rule.of("GET", "/api/v1/quarantine", ADMIN_OPERATOR),
            Rule.of("GET", "/api/v1/quarantine/no-such-item", ADMIN_OPERATOR),
            Rule.of("POST", "/api/v1/quarantine/no-such-item/accept", "{\"senderOrganId\":\"000.00.01.H53\"}",
                    ADMIN_OPERATOR),
            Rule.of("POST", "/api/v1/quarantine/no-such-item/reject", "{\"reason\":\"thử quyền\"}", ADMIN_OPERATOR),
            Rule.of("GET", "/api/admin/agencies", ADMIN_OPERATOR),
            Rule.of("GET", "/api/admin/agencies/000.00.01.H53", ADMIN_OPERATOR),
            Rule.of("POST", "/api/admin/agencies", ADMIN),
            Rule.of("PUT", "/api/admin/agencies/000.99.99.H53", ADMIN),
            Rule.of("POST", "/api/admin/agencies/000.99.99.H53/register", ADMIN),
            Rule.of("GET", "/api/admin/certificates", ALL),
            Rule.of("GET", "/api/admin/statistics", ALL),
            Rule.of("GET", "/api/documents?direction=outgoing", ALL),
            Rule.of("GET", "/api/documents/track?sender=000.00.01.H53&documentId=none", ALL),
            Rule.of("GET", "/api/v1/reconciliations", ALL),
            Rule.of("GET", "/api/v1/reconciliations/999999", ALL),
            Rule.of("GET", "/api/v1/reconciliations/999999/discrepancies", ALL),
            Rule.of("GET", "/api/audit/records?size=1", AUDITOR),
            Rule.of("GET", "/api/audit/records/1", AUDITOR),
            Rule.of("GET", "/api/audit/payloads/" + "0".repeat(64), AUDITOR),
            Rule.of("GET", "/api/audit/verify", AUDITOR),
            Rule.of("GET", "/api/audit/export?route=none", AUDITOR),
            Rule.of("POST", "/api/audit/replay", "{\"seq\":999999999,\"dryRun\":true}",
                    EnumSet.of(Role.AUDITOR, Role.OPERATOR)),
            Rule.of("GET", "/api/me", ALL),
            Rule.of("GET", "/v3/api-docs", ALL),
            Rule.of("GET", "/v3/api-docs.yaml", ALL),
            Rule.of("GET", "/v3/api-docs/swagger-config", ALL),
            Rule.of("GET", "/swagger-ui", ALL),
            Rule.of("GET", "/swagger-ui.html", ALL),
            Rule.of("GET", "/swagger-ui/index.html", ALL),
            Rule.of("GET", "/actuator/prometheus", ADMIN),
            Rule.open("GET", "/actuator/health"),
            Rule.open("GET", "/actuator/health/liveness"),
            Rule.open("GET", "/login"),
            Rule.open("GET", "/login/options"),
            Rule.open("GET", "/login.js"),
            Rule.open("GET", "/console/"),
            Rule.open("GET", "/console/app.js"),
            Rule.open("GET", "/error"),
            Rule.systems("GET", "/api/v1/enterprises/0100109107"),
            // not in the matrix: denied to everybody
            Rule.of("GET", "/api/nothing-here", NOBODY),
            Rule.of("DELETE", "/api/v1/quarantine/no-such-item", NOBODY),
            Rule.of("GET", "/actuator/metrics", NOBODY),
            Rule.of("GET", "/actuator/info", NOBODY),
            Rule.of("GET", "/h2-console", NOBODY),
            Rule.of("GET", "/", NOBODY));

    /** Handler mappings that no person calls: Boot's error page (rendered for any refused request). */
    static final Set<String> NOT_PEOPLE_ENDPOINTS = Set.of("/error");

    static Stream<Arguments> calls() {
        List<Arguments> out = new ArrayList<>();
        for (Rule rule : MATRIX) {
            out.add(Arguments.of(rule, null));
            for (TestUsers user : TestUsers.values()) {
                out.add(Arguments.of(rule, user));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("calls")
    void everyEndpointOfTheMatrixAllowsItsRolesAndRefusesTheOthers(Rule rule, TestUsers user) throws Exception {
        var request = request(rule.method(), rule.path(), rule.body());
        if (user != null) {
            user.authorize(request);
        }
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        boolean allowed = user == null ? rule.publicToo() : rule.roles().contains(Role.valueOf(user.name()));
        if (rule.systems()) {
            // the endpoint's own per-system check refuses people: a Bearer challenge, never a Basic one
            assertThat(status).as(rule + " as " + user + ": " + response.body()).isEqualTo(401);
            assertThat(response.body()).contains("AUTH_FAILED");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).doesNotStartWith("Basic");
        } else if (allowed) {
            assertThat(status).as(rule + " as " + user + ": " + response.body()).isNotIn(401, 403);
        } else if (user == null && !rule.method().equals("GET")) {
            // a browser's anonymous POST is stopped by the CSRF check before authentication is asked for
            assertThat(status).as(rule + " anonymously").isEqualTo(403);
            assertThat(response.body()).contains("CSRF_TOKEN");
        } else if (user == null) {
            assertThat(status).as(rule + " anonymously").isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("no Basic challenge").isEmpty();
        } else {
            assertThat(status).as(rule + " as " + user + ": " + response.body()).isEqualTo(403);
            assertThat(new ObjectMapper().readTree(response.body()).path("messageVi").asText()).isNotBlank();
        }
    }

    @Test
    void healthShowsItsDetailsOnlyToAdminsAndOperatorsAndTheStatusToEveryone() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> anonymous = send(request("GET", "/actuator/health", null));
        HttpResponse<String> auditor = send(TestUsers.AUDITOR.authorize(request("GET", "/actuator/health", null)));
        HttpResponse<String> operator = send(TestUsers.OPERATOR.authorize(request("GET", "/actuator/health", null)));
        assertThat(json.readTree(anonymous.body()).path("status").asText()).isNotBlank();
        assertThat(json.readTree(anonymous.body()).has("components")).isFalse();
        assertThat(json.readTree(auditor.body()).has("components")).isFalse();
        assertThat(json.readTree(operator.body()).has("components")).as(operator.body()).isTrue();
    }

    @Test
    void theScrapeTokenOpensThePrometheusEndpointAndNothingElse() throws Exception {
        HttpResponse<String> scrape = send(request("GET", "/actuator/prometheus", null)
                .header("Authorization", "Bearer " + SCRAPE_TOKEN));
        HttpResponse<String> wrongToken = send(request("GET", "/actuator/prometheus", null)
                .header("Authorization", "Bearer not-the-token"));
        HttpResponse<String> elsewhere = send(request("GET", "/api/me", null)
                .header("Authorization", "Bearer " + SCRAPE_TOKEN));
        // 404 until the metrics engineer's Prometheus registry is merged: the rule let the request through
        assertThat(scrape.statusCode()).isNotIn(401, 403);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyHandlerMappingOfTheRunningBusHasARowInTheMatrix() {
        List<String> uncovered = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (NOT_PEOPLE_ENDPOINTS.contains(pattern.getPatternString())) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST)
                        : methods) {
                    boolean covered = MATRIX.stream().anyMatch(r -> r.method().equals(method.name())
                            && pattern.matches(org.springframework.http.server.PathContainer.parsePath(
                            r.path().split("\\?", 2)[0])));
                    if (!covered) {
                        uncovered.add(method + " " + pattern.getPatternString());
                    }
                }
            }
        }
        assertThat(uncovered).as("handler mappings without a row in AccessRulesTest.MATRIX").isEmpty();
    }
}
