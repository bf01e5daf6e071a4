package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;

/**
 * OIDC login against a small real provider (a JDK HTTP server serving discovery, JWKS and the
 * token endpoint, signing ID tokens with its own RSA key): the bus reads the discovery document at
 * start, sends the browser to the provider's authorization endpoint, exchanges the code over HTTP,
 * verifies the ID token's signature, issuer, audience and nonce, maps the roles claim, and opens a
 * session {@code /api/me} describes. Not proven here: a real provider's quirks (Keycloak, the
 * national SSO), refresh tokens, logout at the provider (RP-initiated logout is not wired).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=100",
        "bus.axis.poll-enabled=false",
        "bus.directory.sync-enabled=false",
        "bus.feeds.enabled=false",
        "bus.mail.incoming.enabled=false",
        "bus.security.oidc.enabled=true",
        "bus.security.oidc.roles-claim=groups",
        "bus.security.oidc.role-mapping.bus-van-hanh=OPERATOR",
        "spring.security.oauth2.client.registration.sso.client-id=bus",
        "spring.security.oauth2.client.registration.sso.client-secret=test-client-secret",
        "spring.security.oauth2.client.registration.sso.client-name=SSO thử nghiệm",
        "spring.security.oauth2.client.registration.sso.scope=openid",
        "spring.security.oauth2.client.registration.sso.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.sso.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OidcLoginTest {

    @TempDir
    static Path dataDir;
    static Provider provider;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SimulatorTestPorts.register(registry, dataDir);
        provider = new Provider();
        registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", () -> provider.issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.server.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    AuditStore audit;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aPersonLogsInAtTheProviderAndGetsTheMappedRole() throws Exception {
        HttpResponse<String> options = send(HttpRequest.newBuilder(uri("/login/options")), new SecuredBusTest.Cookies());
        assertThat(json.readTree(options.body()).at("/providers/0/url").asText()).isEqualTo("/oauth2/authorization/sso");
        assertThat(json.readTree(options.body()).at("/providers/0/name").asText()).isEqualTo("SSO thử nghiệm");

        SecuredBusTest.Cookies browser = new SecuredBusTest.Cookies();
        String landing = loginAtProvider(browser, Map.of("sub", "u-1", "preferred_username", "tran.thi.binh",
                "name", "Trần Thị Bình", "groups", List.of("bus-van-hanh", "other-app")));
        assertThat(landing).endsWith("/console/");

        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")), browser);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode who = json.readTree(me.body());
        assertThat(who.path("username").asText()).isEqualTo("tran.thi.binh");
        assertThat(who.path("displayName").asText()).isEqualTo("Trần Thị Bình");
        assertThat(who.path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        await().atMost(Duration.ofSeconds(10)).until(() -> securityRecords().stream()
                .anyMatch(r -> "tran.thi.binh".equals(r.actor()) && r.detail().equals("login succeeded (oidc), roles OPERATOR")));
    }

    @Test
    void aPersonWhoseClaimGivesNoBusRoleIsRefused() throws Exception {
        SecuredBusTest.Cookies browser = new SecuredBusTest.Cookies();
        String landing = loginAtProvider(browser, Map.of("sub", "u-2", "preferred_username", "khach",
                "groups", List.of("other-app")));
        assertThat(landing).endsWith("/login?error");
        assertThat(send(HttpRequest.newBuilder(uri("/api/me")), browser).statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> securityRecords().stream()
                .anyMatch(r -> r.detail().equals("login failed (oidc): " + OidcRoles.NO_ROLE)));
    }

    /** The browser's round trip: bus → provider (which logs the person in) → bus; returns where the bus sends it. */
    String loginAtProvider(SecuredBusTest.Cookies browser, Map<String, Object> claims) throws Exception {
        HttpResponse<String> start = send(HttpRequest.newBuilder(uri("/oauth2/authorization/sso")), browser);
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(provider.issuer + "/authorize?");
        Map<String, String> query = query(authorize.getRawQuery());
        assertThat(query).containsEntry("client_id", "bus").containsEntry("response_type", "code")
                .containsKey("nonce").containsKey("state");

        String code = provider.grant(claims, query.get("nonce"));
        HttpResponse<String> callback = send(HttpRequest.newBuilder(URI.create(query.get("redirect_uri") + "?code="
                + code + "&state=" + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8))), browser);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return callback.headers().firstValue("Location").orElseThrow();
    }

    List<AuditRecord> securityRecords() {
        return audit.search(new AuditQuery(null, null, null, null, SecurityAudit.ROUTE, AuditStep.ADMIN_ACTION, null,
                null, null), 0, 500).records();
    }

    HttpResponse<String> send(HttpRequest.Builder request, SecuredBusTest.Cookies browser) throws Exception {
        HttpResponse<String> response = http.send(browser.on(request.timeout(Duration.ofSeconds(30))).build(),
                HttpResponse.BodyHandlers.ofString());
        browser.take(response);
        return response;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    /** The provider: discovery, JWKS, a token endpoint that checks the client's secret and the code. */
    static final class Provider {
        final HttpServer server;
        final String issuer;
        final RSAKey key;
        final Map<String, String> idTokensByCode = new ConcurrentHashMap<>();

        Provider() throws Exception {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/.well-known/openid-configuration", ex -> reply(ex, 200, Map.of(
                    "issuer", issuer,
                    "authorization_endpoint", issuer + "/authorize",
                    "token_endpoint", issuer + "/token",
                    "jwks_uri", issuer + "/jwks",
                    "response_types_supported", List.of("code"),
                    "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "token_endpoint_auth_methods_supported", List.of("client_secret_basic"))));
            server.createContext("/jwks", ex -> reply(ex, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
            server.createContext("/token", this::token);
            server.start();
        }

        String grant(Map<String, Object> claims, String nonce) throws Exception {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).audience("bus")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("nonce", nonce);
            claims.forEach(set::claim);
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    set.build());
            token.sign(new RSASSASigner(key));
            String code = "code-" + java.util.UUID.randomUUID();
            idTokensByCode.put(code, token.serialize());
            return code;
        }

        private void token(HttpExchange ex) throws IOException {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String expectedAuth = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("bus:test-client-secret".getBytes(StandardCharsets.UTF_8));
            String idToken = idTokensByCode.remove(query(form).getOrDefault("code", ""));
            if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization")) || idToken == null
                    || !"authorization_code".equals(query(form).get("grant_type"))) {
                reply(ex, 400, Map.of("error", "invalid_grant"));
                return;
            }
            reply(ex, 200, Map.of("access_token", "at-" + java.util.UUID.randomUUID(), "token_type", "Bearer",
                    "expires_in", 300, "scope", "openid", "id_token", idToken));
        }

        private static void reply(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
            byte[] bytes = new ObjectMapper().writeValueAsBytes(body);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
