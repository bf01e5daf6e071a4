package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.gov.bus.app.TestUsers;

/**
 * The console's way in, as a browser does it: the login page sets the XSRF-TOKEN cookie, the form
 * posts it back, the session cookie then carries the person, and every session request that changes
 * something must echo the token in X-XSRF-TOKEN. HTTP Basic needs no token and never gets a
 * challenge.
 */
class ConsoleLoginTest extends SecuredBusTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void formLoginWithTheCsrfTokenOpensASessionThatApiMeDescribes() throws Exception {
        Cookies browser = new Cookies();
        HttpResponse<String> page = send(browser.on(request("GET", "/login", null)));
        browser.take(page);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form id=\"login\"").contains("/login.js");
        assertThat(browser.get("XSRF-TOKEN")).isNotBlank();
        assertThat(browser.setCookieLines.get("XSRF-TOKEN")).contains("SameSite=Strict").doesNotContain("HttpOnly");

        HttpResponse<String> login = send(browser.on(form(TestUsers.OPERATOR.username, TestUsers.OPERATOR.password,
                browser.get("XSRF-TOKEN"))));
        browser.take(login);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        assertThat(browser.setCookieLines.get("BUS_SESSION")).contains("HttpOnly").contains("SameSite=Lax");

        HttpResponse<String> me = send(browser.on(request("GET", "/api/me", null)));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode who = json.readTree(me.body());
        assertThat(who.path("username").asText()).isEqualTo("operator");
        assertThat(who.path("displayName").asText()).isEqualTo("Người dùng operator");
        assertThat(who.path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
    }

    @Test
    void aLoginPostWithoutTheCsrfTokenIsRefusedAndOpensNoSession() throws Exception {
        Cookies browser = new Cookies();
        browser.take(send(request("GET", "/login", null)));
        HttpResponse<String> login = send(browser.on(form(TestUsers.ADMIN.username, TestUsers.ADMIN.password, null)));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(json.readTree(login.body()).path("code").asText()).isEqualTo("CSRF_TOKEN");
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("BUS_SESSION="));
    }

    @Test
    void aSessionPostNeedsTheTokenInTheHeaderAndIsAcceptedWithIt() throws Exception {
        Cookies browser = loggedIn(TestUsers.OPERATOR);
        String path = "/api/v1/quarantine/no-such-item/reject";

        HttpResponse<String> withoutToken = send(browser.on(request("POST", path, "{\"reason\":\"x\"}")));
        HttpResponse<String> wrongToken = send(browser.on(request("POST", path, "{\"reason\":\"x\"}")
                .header("X-XSRF-TOKEN", "forged")));
        HttpResponse<String> withToken = send(browser.on(request("POST", path, "{\"reason\":\"x\"}")
                .header("X-XSRF-TOKEN", browser.get("XSRF-TOKEN"))));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(json.readTree(withoutToken.body()).path("code").asText()).isEqualTo("CSRF_TOKEN");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        // past security: the quarantine itself answers that there is no such item
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(404);
    }

    @Test
    void httpBasicNeedsNoCsrfTokenAndAWrongPasswordGetsJsonWithoutABasicChallenge() throws Exception {
        HttpResponse<String> basicPost = send(TestUsers.OPERATOR.authorize(
                request("POST", "/api/v1/quarantine/no-such-item/reject", "{\"reason\":\"x\"}")));
        HttpResponse<String> wrong = send(request("GET", "/api/me", null)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (FORGETFUL + ":not-the-password").getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> none = send(request("GET", "/api/me", null));

        assertThat(basicPost.statusCode()).isEqualTo(404);
        for (HttpResponse<String> refused : java.util.List.of(wrong, none)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/json");
            assertThat(json.readTree(refused.body()).path("messageVi").asText()).isNotBlank();
        }
    }

    @Test
    void aWrongPasswordSendsTheFormBackToLoginError() throws Exception {
        Cookies browser = new Cookies();
        browser.take(send(request("GET", "/login", null)));
        HttpResponse<String> login = send(browser.on(form(FORGETFUL, "wrong", browser.get("XSRF-TOKEN"))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("BUS_SESSION="));
    }

    @Test
    void logoutWithTheTokenEndsTheSession() throws Exception {
        Cookies browser = loggedIn(TestUsers.AUDITOR);
        assertThat(send(browser.on(request("GET", "/api/me", null))).statusCode()).isEqualTo(200);

        // a browser's form navigation (Accept: text/html) goes back to the login page; a fetch gets 204
        HttpResponse<String> logout = send(browser.on(request("POST", "/logout", null).header("Accept", "text/html")
                .header("X-XSRF-TOKEN", browser.get("XSRF-TOKEN"))));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        browser.take(logout);

        assertThat(send(browser.on(request("GET", "/api/me", null))).statusCode()).isEqualTo(401);
    }

    Cookies loggedIn(TestUsers user) throws Exception {
        Cookies browser = new Cookies();
        browser.take(send(request("GET", "/login", null)));
        HttpResponse<String> login = send(browser.on(form(user.username, user.password, browser.get("XSRF-TOKEN"))));
        assertThat(login.statusCode()).isEqualTo(302);
        browser.take(login);
        // the session changed: so did the CSRF token (fixation protection); the next page load reads it
        browser.take(send(browser.on(request("GET", "/login", null))));
        return browser;
    }

    HttpRequest.Builder form(String username, String password, String csrf) {
        String body = "username=" + enc(username) + "&password=" + enc(password) + (csrf == null ? "" : "&_csrf=" + enc(csrf));
        return HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
