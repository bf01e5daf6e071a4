package vn.gov.bus.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.mail.MailServerSettings.Security;
import vn.gov.bus.connectors.mail.MailServerUrl.InvalidMailServerUrl;
import vn.gov.bus.connectors.mail.MailServerUrl.Service;

/** The URL form of a mail server's settings, both ways. */
class MailServerUrlTest {

    static final MailServerSettings CONFIGURED = new MailServerSettings("127.0.0.1", 18625, Security.NONE,
            "congvan@tayninh.gov.vn", "configured-password", Duration.ofSeconds(7), Duration.ofSeconds(42), true);

    static MailServerSettings smtp(String url) {
        return MailServerUrl.settings(Service.SMTP, URI.create(url), CONFIGURED);
    }

    static MailServerSettings imap(String url) {
        return MailServerUrl.settings(Service.IMAP, URI.create(url), CONFIGURED);
    }

    @Test
    void theSchemeSaysTheSecurityAndAnAbsentPortIsTheServicesStandardOne() {
        assertThat(smtp("smtps://mail.tayninh.gov.vn")).satisfies(s -> {
            assertThat(s.security()).isEqualTo(Security.TLS);
            assertThat(s.port()).isEqualTo(465);
        });
        assertThat(smtp("smtp://mail.tayninh.gov.vn")).satisfies(s -> {
            assertThat(s.security()).isEqualTo(Security.STARTTLS);
            assertThat(s.port()).isEqualTo(587);
        });
        assertThat(imap("imaps://mail.tayninh.gov.vn").port()).isEqualTo(993);
        assertThat(imap("imaps://mail.tayninh.gov.vn").security()).isEqualTo(Security.TLS);
        assertThat(imap("imap://mail.tayninh.gov.vn").port()).isEqualTo(143);
        assertThat(imap("imap://mail.tayninh.gov.vn").security()).isEqualTo(Security.STARTTLS);
        assertThat(smtp("smtp://127.0.0.1:2525?security=none")).satisfies(s -> {
            assertThat(s.security()).isEqualTo(Security.NONE);
            assertThat(s.port()).isEqualTo(2525);
            assertThat(s.host()).isEqualTo("127.0.0.1");
        });
        assertThat(imap("IMAP://127.0.0.1:1143?security=none").security()).isEqualTo(Security.NONE);
    }

    @Test
    void aPercentEncodedUserReplacesTheConfiguredOneAndNoUserKeepsIt() {
        MailServerSettings named = smtp("smtps://vanthu%40tanbinh.tayninh.gov.vn@mail.tayninh.gov.vn");
        assertThat(named.username()).isEqualTo("vanthu@tanbinh.tayninh.gov.vn");
        assertThat(named.host()).isEqualTo("mail.tayninh.gov.vn");
        assertThat(smtp("smtps://mail.tayninh.gov.vn").username()).isEqualTo("congvan@tayninh.gov.vn");
    }

    @Test
    void passwordTimeoutsAndTrustStayAsConfigured() {
        MailServerSettings s = imap("imaps://other@mail.example.vn:1993");
        assertThat(s.password()).isEqualTo("configured-password");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(s.trustAll()).isTrue();
    }

    @Test
    void theDescribedUrlNamesEveryPartAndReadsBackToTheSameSettings() {
        assertThat(MailServerUrl.of(Service.SMTP, CONFIGURED))
                .hasToString("smtp://congvan%40tayninh.gov.vn@127.0.0.1:18625?security=none");
        MailServerSettings tls = smtp("smtps://mail.tayninh.gov.vn");
        assertThat(MailServerUrl.of(Service.SMTP, tls))
                .hasToString("smtps://congvan%40tayninh.gov.vn@mail.tayninh.gov.vn:465");
        assertThat(MailServerUrl.of(Service.IMAP, imap("imap://mail.tayninh.gov.vn")))
                .hasToString("imap://congvan%40tayninh.gov.vn@mail.tayninh.gov.vn:143");
        MailServerSettings anonymous = CONFIGURED.withServer("mail.example.vn", 25, Security.STARTTLS, "");
        assertThat(MailServerUrl.of(Service.SMTP, anonymous)).hasToString("smtp://mail.example.vn:25");
        MailServerSettings odd = CONFIGURED.withServer("::1", 2525, Security.TLS, "thư:ký@xã");
        for (MailServerSettings s : new MailServerSettings[] {CONFIGURED, tls, anonymous, odd}) {
            assertThat(MailServerUrl.settings(Service.SMTP, MailServerUrl.of(Service.SMTP, s), CONFIGURED)
                    .withPassword(s.password())).isEqualTo(s.authenticated() ? s
                    : s.withServer(s.host(), s.port(), s.security(), CONFIGURED.username()));
        }
    }

    @Test
    void theDescribedUrlNeverCarriesThePassword() {
        assertThat(MailServerUrl.of(Service.IMAP, CONFIGURED).toString()).doesNotContain("configured-password");
    }

    @Test
    void anotherServicesSchemeIsRefusedAsUrl() {
        assertRule(() -> smtp("imaps://mail.tayninh.gov.vn"), "url");
        assertRule(() -> imap("smtp://mail.tayninh.gov.vn"), "url");
        assertRule(() -> smtp("https://mail.tayninh.gov.vn"), "url");
        assertRule(() -> smtp("mail.tayninh.gov.vn"), "url");
    }

    @Test
    void aPasswordInTheUrlIsRefusedAsNoCredentials() {
        assertRule(() -> smtp("smtps://congvan:hunter2@mail.tayninh.gov.vn"), "no-credentials");
        assertRule(() -> imap("imaps://@mail.tayninh.gov.vn"), "no-credentials");
    }

    @Test
    void anyQueryParameterButSecurityNoneIsRefusedWithItsRule() {
        assertRule(() -> smtp("smtp://mail.tayninh.gov.vn?auth=false"), "query-parameter");
        assertRule(() -> smtp("smtp://mail.tayninh.gov.vn?security=none&timeout=1"), "query-parameter");
        assertRule(() -> smtp("smtp://mail.tayninh.gov.vn?security=tls"), "security");
        assertRule(() -> imap("imaps://mail.tayninh.gov.vn?security=none"), "security");
    }

    @Test
    void aPathOrABadPortIsRefused() {
        assertRule(() -> imap("imaps://mail.tayninh.gov.vn/INBOX"), "no-path");
        assertRule(() -> smtp("smtps://mail.tayninh.gov.vn:0"), "port");
    }

    static void assertRule(Runnable parse, String rule) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidMailServerUrl.class,
                e -> assertThat(e.rule()).isEqualTo(rule));
    }
}
