package vn.gov.bus.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * From where a request comes, for throttling and the audit log. {@code X-Forwarded-For} is believed
 * only when the request's peer is one of {@code bus.security.trusted-proxies} (addresses or CIDR
 * ranges); then the client is the right-most address of the header that is not itself a trusted
 * proxy. Anyone else can write any header, so it is otherwise ignored.
 */
public final class ClientAddress {

    private final List<IpAddressMatcher> proxies;

    public ClientAddress(List<String> trustedProxies) {
        this.proxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || !looksLikeAddress(hop)) {
                return peer;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        try {
            return proxies.stream().anyMatch(p -> p.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static boolean looksLikeAddress(String hop) {
        return hop.length() <= 45 && hop.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }
}
