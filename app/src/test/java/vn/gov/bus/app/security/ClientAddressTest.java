package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    final ClientAddress addresses = new ClientAddress(List.of("10.0.0.5", "10.1.0.0/16"));

    static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void forwardedForIsIgnoredFromAPeerThatIsNotATrustedProxy() {
        assertThat(addresses.of(from("198.51.100.7", "1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostUntrustedHop() {
        assertThat(addresses.of(from("10.0.0.5", "1.2.3.4"))).isEqualTo("1.2.3.4");
        // the client wrote a fake first hop; the proxies appended what they saw
        assertThat(addresses.of(from("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.1.2.3"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.0.0.5", null))).isEqualTo("10.0.0.5");
    }

    @Test
    void aMalformedForwardedForFallsBackToThePeer() {
        assertThat(addresses.of(from("10.0.0.5", "evil\nline"))).isEqualTo("10.0.0.5");
        assertThat(addresses.of(from("10.0.0.5", "unknown"))).isEqualTo("10.0.0.5");
    }
}
