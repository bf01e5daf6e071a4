package vn.gov.bus.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenDigestAuthenticatorTest {

    final TokenDigestAuthenticator authenticator = new TokenDigestAuthenticator(Map.of(
            "mot-cua", TokenDigestAuthenticator.digestHex("token-of-one-stop-shop"),
            "thue", TokenDigestAuthenticator.digestHex("token-of-tax").toUpperCase()));

    @Test
    void namesTheSystemWhoseTokenDigestMatches() {
        assertThat(authenticator.authenticate("token-of-one-stop-shop")).contains("mot-cua");
        assertThat(authenticator.authenticate("token-of-tax")).contains("thue");
    }

    @Test
    void refusesUnknownEmptyAndMissingTokensAlike() {
        assertThat(authenticator.authenticate("guess")).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate(null)).isEmpty();
    }

    @Test
    void refusesAConfigurationEntryThatIsNotASha256Digest() {
        assertThatThrownBy(() -> new TokenDigestAuthenticator(Map.of("x", "plain-token")))
                .hasMessageContaining("caller x");
        assertThatThrownBy(() -> new TokenDigestAuthenticator(Map.of("x", "abcd")))
                .hasMessageContaining("SHA-256");
    }
}
