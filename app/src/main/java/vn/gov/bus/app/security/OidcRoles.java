package vn.gov.bus.app.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person logged in through the OIDC provider gets the bus roles its claim
 * {@code bus.security.oidc.roles-claim} names (through {@code role-mapping}, or a role's own
 * name), and nothing of the provider's other scopes; a person with no bus role is refused.
 */
final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_ROLE = "no_bus_role";

    private final SecurityProperties.Oidc settings;
    private final OidcUserService provider = new OidcUserService();

    OidcRoles(SecurityProperties.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Set<GrantedAuthority> roles = new LinkedHashSet<>();
        for (String value : values(user.getClaims().get(settings.rolesClaim()))) {
            Role role = settings.roleMapping().get(value);
            if (role == null) {
                role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(value.toUpperCase(Locale.ROOT)))
                        .findFirst().orElse(null);
            }
            if (role != null) {
                roles.add(new SimpleGrantedAuthority(role.authority()));
            }
        }
        if (roles.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
                    "the claim '" + settings.rolesClaim() + "' gives no bus role", null));
        }
        String nameClaim = user.getClaims().containsKey(settings.usernameClaim()) ? settings.usernameClaim() : "sub";
        return new DefaultOidcUser(roles, user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String one) {
            return List.of(one.split("[,\\s]+"));
        }
        return List.of();
    }
}
