package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The endpointUrl rules of the file feeds and the Camel URI a retune builds from the configured one. */
class FeedEndpointUrlsTest {

    /** As config/application.yaml builds bus.feeds.bank-statements.uri, placeholders resolved. */
    static final String CONFIGURED = "sftp://bus@127.0.0.1:2022/bank/statements?password=RAW(old&pw)"
            + "&knownHostsFile=/var/bus/known_hosts&strictHostKeyChecking=yes&useUserKnownHostsFile=false"
            + "&doneFileName=$simple{file:name}.done&filter=#feedFileNameFilter&move=$simple{exchangeProperty.feedMoveTo}"
            + "&delay=2000";

    static void assertRule(String text, String scheme, String rule) {
        assertThatThrownBy(() -> FeedEndpointUrls.parse(text, scheme)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.body().field()).isEqualTo("endpointUrl");
            assertThat(p.body().rule()).as(text).isEqualTo(rule);
            assertThat(p.body().messageVi()).isNotBlank();
        });
    }

    @Test
    void aUrlOfAnotherSchemeWithAPasswordOptionsOrNoDirectoryIsRefusedNamingTheRule() {
        assertRule("ftp://bus@bank.example.vn/bank/statements", "sftp", "scheme-unchanged");
        assertRule("sftp://bus@bank.example.vn/bank/statements", "ftp", "scheme-unchanged");
        assertRule("https://bank.example.vn/bank/statements", "sftp", "url");
        assertRule("sftp:/bank/statements", "sftp", "url");
        assertRule("sftp://bus:secret@bank.example.vn/bank/statements", "sftp", "no-credentials");
        assertRule("sftp://bus@bank.example.vn/bank/statements?strictHostKeyChecking=no", "sftp", "no-options");
        assertRule("sftp://bus@bank.example.vn/bank/statements#x", "sftp", "no-options");
        assertRule("sftp://bus@bank.example.vn", "sftp", "directory");
        assertRule("sftp://bus@bank.example.vn/", "sftp", "directory");
    }

    @Test
    void aUserHostPortAndDirectoryAreAcceptedAndShownInTheSameForm() {
        URI uri = FeedEndpointUrls.parse(" sftp://doisoat@sftp.vcb.example.vn:2222/sao-ke ", "sftp");
        assertThat(uri).hasToString("sftp://doisoat@sftp.vcb.example.vn:2222/sao-ke");
        assertThat(FeedEndpointUrls.parse("ftps://ftp.agribank.example.vn/in", "ftps"))
                .hasToString("ftps://ftp.agribank.example.vn/in");
        assertThat(FeedEndpointUrls.shown("sftp", "bus", "127.0.0.1", 2022, "bank/statements"))
                .hasToString("sftp://bus@127.0.0.1:2022/bank/statements");
        // Camel's convention: a leading '//' is an absolute directory
        assertThat(FeedEndpointUrls.shown("sftp", "bus", "h", 22, "/srv/feeds")).hasToString("sftp://bus@h:22//srv/feeds");
    }

    @Test
    void aRetunedUriKeepsEveryConfiguredOptionAndReplacesServerDirectoryPasswordAndDelay() {
        String uri = FeedEndpointUrls.retarget(CONFIGURED, URI.create("sftp://doisoat@10.0.0.9:2222/sao-ke"), "bus",
                "n3w)pw&+", 500L);
        assertThat(uri).isEqualTo("sftp://doisoat@10.0.0.9:2222/sao-ke?password=RAW{n3w)pw&+}"
                + "&knownHostsFile=/var/bus/known_hosts&strictHostKeyChecking=yes&useUserKnownHostsFile=false"
                + "&doneFileName=$simple{file:name}.done&filter=#feedFileNameFilter"
                + "&move=$simple{exchangeProperty.feedMoveTo}&delay=500");
    }

    @Test
    void withoutANewSecretTheConfiguredPasswordAndWithoutAUserTheCurrentUserStay() {
        String uri = FeedEndpointUrls.retarget(CONFIGURED, URI.create("sftp://10.0.0.9/sao-ke"), "bus", null, null);
        assertThat(uri).startsWith("sftp://bus@10.0.0.9/sao-ke?password=RAW(old&pw)&knownHostsFile=")
                .endsWith("&delay=2000");
    }

    @Test
    void aSecretCamelCannotCarryRawIsRefusedBeforeAnythingChanges() {
        assertThatThrownBy(() -> FeedEndpointUrls.retarget(CONFIGURED, URI.create("sftp://h/d"), "bus", "a)b}c", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RAW");
        assertThatThrownBy(() -> FeedEndpointUrls.retarget(CONFIGURED, URI.create("sftp://h/d"), "bus", "{{x}}", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{");
    }
}
