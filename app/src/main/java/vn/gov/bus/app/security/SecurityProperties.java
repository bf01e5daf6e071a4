package vn.gov.bus.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Who may use the bus and how: people, login throttling, proxies, systems' certificates, OIDC (docs/security.md). */
@Validated
@ConfigurationProperties("bus.security")
public record SecurityProperties(
        boolean allowDemoUsers,
        @Valid List<User> users,
        @Valid @NotNull LoginThrottle loginThrottle,
        List<String> trustedProxies,
        String prometheusTokenSha256,
        @Valid List<ClientCertificate> clientCertificates,
        @Valid @NotNull Oidc oidc) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        clientCertificates = clientCertificates == null ? List.of() : List.copyOf(clientCertificates);
        prometheusTokenSha256 = prometheusTokenSha256 == null || prometheusTokenSha256.isBlank()
                ? null : prometheusTokenSha256.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A person: the bcrypt hash of the password (never the password), the roles, the name shown. */
    public record User(@NotBlank String username, @NotBlank String passwordHash, @NotEmpty Set<Role> roles,
                       String displayName) {
    }

    /**
     * After {@code maxFailures} failed logins for one username within {@code window} (or
     * {@code addressMaxFailures} from one client address), further attempts are refused for
     * {@code lockDuration}, whatever the password.
     */
    public record LoginThrottle(@DefaultValue("5") @Min(1) int maxFailures,
                                @DefaultValue("30") @Min(1) int addressMaxFailures,
                                @DefaultValue("15m") @NotNull Duration window,
                                @DefaultValue("15m") @NotNull Duration lockDuration) {
    }

    /** A system calling with a client certificate: its subject's distinguished name and the system id it is. */
    public record ClientCertificate(@NotBlank String subject, @NotBlank String system) {
    }

    /**
     * Login through an OpenID Connect provider, registered with Spring Boot's
     * {@code spring.security.oauth2.client.registration.<id>} keys. The roles come from the claim
     * {@code rolesClaim}: a value listed in {@code roleMapping} gives that role, a value that is a
     * role's name gives that role; a person with no role is refused.
     */
    public record Oidc(boolean enabled, @DefaultValue("roles") String rolesClaim,
                       @DefaultValue("preferred_username") String usernameClaim,
                       Map<String, Role> roleMapping) {

        public Oidc {
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        }
    }
}
