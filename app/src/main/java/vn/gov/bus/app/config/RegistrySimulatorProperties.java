package vn.gov.bus.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in registry simulator of the embedded default (started when
 * {@code bus.simulators.enabled}); see docs/configuration.md.
 *
 * @param port        its own port; 0 = any free port (tests)
 * @param enterprises size of the generated dataset
 * @param username    the HTTP Basic user it requires; empty = it answers anyone
 * @param password    that user's password
 */
@Validated
@ConfigurationProperties("bus.simulators.registry")
public record RegistrySimulatorProperties(@DefaultValue("18700") @Min(0) @Max(65535) int port,
                                          @DefaultValue("100000") @Min(1) @Max(5_000_000) int enterprises,
                                          String username,
                                          String password) {

    public boolean requiresLogin() {
        return username != null && !username.isBlank();
    }
}
