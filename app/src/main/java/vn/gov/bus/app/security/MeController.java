package vn.gov.bus.app.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the console's user is (name, name to show, roles). */
@RestController
public class MeController {

    public record Me(String username, String displayName, List<String> roles) {
    }

    @GetMapping("/api/me")
    public Me me(Authentication who) {
        String displayName = who.getName();
        if (who.getPrincipal() instanceof BusUser user) {
            displayName = user.displayName();
        } else if (who.getPrincipal() instanceof OidcUser oidc && oidc.getFullName() != null) {
            displayName = oidc.getFullName();
        }
        List<String> roles = List.of(SecurityAudit.roles(who).split(",")).stream().filter(r -> !r.isEmpty()).toList();
        return new Me(who.getName(), displayName, roles);
    }
}
