package vn.gov.bus.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/** What a login attempt carries besides its credentials: the client's address (proxies resolved) and the way it came. */
public record ClientDetails(String address, String method) implements Serializable {

    /** The source for one login way ("form" or "basic"). */
    static AuthenticationDetailsSource<HttpServletRequest, ClientDetails> source(ClientAddress addresses, String method) {
        return request -> new ClientDetails(addresses.of(request), method);
    }
}
