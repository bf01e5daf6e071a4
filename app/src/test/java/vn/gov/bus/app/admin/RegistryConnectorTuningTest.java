package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.registry.RegistryConnection;
import vn.gov.bus.connectors.registry.RegistryCredentials;
import vn.gov.bus.routes.registry.RegistryLookupSettings;

/**
 * The registry's tuning rules on the real connection and breaker: which route carries them, what a
 * change of address does to the breaker, and a password refused for a client without user name.
 */
class RegistryConnectorTuningTest {

    static final URI FIRST = URI.create("http://127.0.0.1:18700/registry");
    static final URI SECOND = URI.create("https://dkkd.example.gov.vn/registry");

    final CircuitBreaker breaker = new RegistryLookupSettings(0, Duration.ofMillis(10), 50f, 2, 2,
            Duration.ofSeconds(30), 1).circuitBreaker();

    @Test
    void theSettingsBelongToTheRouteThatCallsTheRegistry() {
        RegistryConnectorTuning tuning = new RegistryConnectorTuning(new RegistryConnection(FIRST,
                RegistryCredentials.none()), breaker);

        assertThat(tuning.routeId()).isEqualTo("registry-call");
        assertThat(tuning.endpoint()).isEqualTo(FIRST);
        assertThat(tuning.parseEndpoint(" " + SECOND + " ")).isEqualTo(SECOND);
    }

    @Test
    void aNewAddressResetsAnOpenBreakerAndANewPasswordAloneDoesNotAndNullMeansTheConfiguredOne() {
        RegistryConnection connection = new RegistryConnection(FIRST, new RegistryCredentials("bus", "old"));
        RegistryConnectorTuning tuning = new RegistryConnectorTuning(connection, breaker);
        breaker.transitionToOpenState();

        tuning.apply(null, "rotated");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(connection.target().credentials()).isEqualTo(new RegistryCredentials("bus", "rotated"));

        tuning.apply(SECOND, "rotated");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(connection.target()).isEqualTo(new RegistryConnection.Target(SECOND,
                new RegistryCredentials("bus", "rotated")));

        // the settings cleared: the configured address and password, whatever was in force before
        breaker.transitionToOpenState();
        tuning.apply(null, null);
        assertThat(connection.target()).isEqualTo(new RegistryConnection.Target(FIRST,
                new RegistryCredentials("bus", "old")));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCredentialsRefWithoutAConfiguredUserNameIsRefusedNamingFieldAndRuleAndChangesNothing() {
        RegistryConnection connection = new RegistryConnection(FIRST, RegistryCredentials.none());
        RegistryConnectorTuning tuning = new RegistryConnectorTuning(connection, breaker);

        assertThatThrownBy(() -> tuning.apply(SECOND, "secret"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.body().field()).isEqualTo("credentialsRef");
                    assertThat(problem.body().rule()).isEqualTo("username-configured");
                    assertThat(problem.body().message()).contains("bus.registry.username");
                    assertThat(problem.body().messageVi()).isNotBlank();
                });
        assertThat(connection.target()).isEqualTo(new RegistryConnection.Target(FIRST, RegistryCredentials.none()));
    }
}
