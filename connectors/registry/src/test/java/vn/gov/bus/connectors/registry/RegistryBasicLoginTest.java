package vn.gov.bus.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.registry.simulator.EnterpriseDataset;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;
import vn.gov.bus.schemas.registry.LookupResponse;

/**
 * HTTP Basic between the camel-cxf client and registry simulators that require a login, over
 * real ports: the simulator's 401, the client's credentials, and a live change of address and
 * password through {@link RegistryConnection}.
 */
class RegistryBasicLoginTest {

    static final String USER = "bus-tayninh";
    static final String PASSWORD = "first-password";
    static final String SECOND_PASSWORD = "second-password";
    static final EnterpriseCodeValidator VALIDATOR = EnterpriseCodeValidator.strict();

    static RegistrySimulator first;
    static RegistrySimulator second;
    static RegistryConnection connection;
    static CamelContext camel;
    static ProducerTemplate producer;

    @BeforeAll
    static void start() throws Exception {
        first = new RegistrySimulator("127.0.0.1", 0, new EnterpriseDataset(1_000)).requireLogin(USER, PASSWORD)
                .start();
        // another seed: the same codes name other enterprises, so an answer tells which registry gave it
        second = new RegistrySimulator("127.0.0.1", 0, new EnterpriseDataset(1_000, 7L))
                .requireLogin(USER, SECOND_PASSWORD).start();
        RegistryClientSettings settings = new RegistryClientSettings(first.endpoint(),
                new RegistryCredentials(USER, PASSWORD), Duration.ofSeconds(2), Duration.ofSeconds(10), 256 * 1024);
        connection = new RegistryConnection(settings.endpoint(), settings.credentials());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(RegistryEndpoints.BEAN_NAME, RegistryEndpoints.create(camel, settings, connection));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lookup")
                        .process(RegistryMessages::toRequest)
                        .to(RegistryEndpoints.URI)
                        .process(e -> e.getMessage().setBody(RegistryMessages.toAnswer(
                                e.getMessage().getBody(LookupResponse.class), "?")));
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void backToTheFirstRegistry() {
        connection.reconfigure(first.endpoint(), PASSWORD);
    }

    @AfterAll
    static void stop() {
        camel.stop();
        first.close();
        second.close();
    }

    RegistryAnswer lookup(String code) {
        return producer.requestBody("direct:lookup", VALIDATOR.validate("code", code), RegistryAnswer.class);
    }

    @Test
    void theConfiguredLoginIsSentAndTheRegistryAnswers() {
        Enterprise expected = first.dataset().enterprise(10);
        long before = first.requests();

        assertThat(lookup(expected.code())).isEqualTo(new RegistryAnswer.Found(expected));
        assertThat(first.requests()).isEqualTo(before + 1);
    }

    @Test
    void aWrongPasswordIsRefusedWith401OnceAndNeverReachesTheService() {
        connection.reconfigure(null, "not-the-password");
        long answered = first.requests();
        long refused = first.refusedLogins();

        assertThatThrownBy(() -> lookup(first.dataset().code(11)))
                .isInstanceOf(CamelExecutionException.class)
                .satisfies(e -> assertThat(RegistryMessages.toRefusal(e)).hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(401);
                    assertThat(r.reason()).contains("HTTP 401").contains(first.endpoint().toString())
                            .doesNotContain("not-the-password");
                }));
        // the conduit did not send the same credentials a second time
        assertThat(first.refusedLogins()).isEqualTo(refused + 1);
        assertThat(first.requests()).isEqualTo(answered);
    }

    @Test
    void anotherFailureIsNotMistakenForARefusal() {
        first.refuseConnections();
        try {
            assertThatThrownBy(() -> lookup(first.dataset().code(12)))
                    .satisfies(e -> assertThat(RegistryMessages.toRefusal(e)).isEmpty());
        } finally {
            first.recover();
        }
    }

    @Test
    void aNewAddressAndPasswordAreUsedFromTheNextCall() {
        int index = 13;
        Enterprise atSecond = second.dataset().enterprise(index);
        assertThat(atSecond.nameVi()).isNotEqualTo(first.dataset().enterprise(index).nameVi());
        long firstBefore = first.requests();

        connection.reconfigure(second.endpoint(), SECOND_PASSWORD);

        assertThat(lookup(atSecond.code())).isEqualTo(new RegistryAnswer.Found(atSecond));
        assertThat(first.requests()).isEqualTo(firstBefore);
        assertThat(connection.endpoint()).isEqualTo(second.endpoint());
    }

    @Test
    void aCallInProgressFinishesOnTheOldRegistryWhileTheNextGoesToTheNewOne() throws Exception {
        int index = 14;
        long held = first.requests();
        first.answerSlowly(Duration.ofSeconds(30));
        CompletableFuture<Object> inProgress = producer.asyncRequestBody("direct:lookup",
                VALIDATOR.validate("code", first.dataset().code(index)));
        await().atMost(Duration.ofSeconds(10)).until(() -> first.requests() == held + 1);

        connection.reconfigure(second.endpoint(), SECOND_PASSWORD);
        RegistryAnswer next = lookup(second.dataset().code(index));
        first.recover();

        assertThat(next).isEqualTo(new RegistryAnswer.Found(second.dataset().enterprise(index)));
        assertThat(inProgress.get(10, TimeUnit.SECONDS)).isEqualTo(new RegistryAnswer.Found(first.dataset()
                .enterprise(index)));
    }

    @Test
    void aPasswordCannotBeSetForAClientWithoutUserNameAndNothingChanges() {
        RegistryConnection anonymous = new RegistryConnection(first.endpoint(), RegistryCredentials.none());

        assertThatThrownBy(() -> anonymous.reconfigure(second.endpoint(), "secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bus.registry.username");
        assertThat(anonymous.target()).isEqualTo(new RegistryConnection.Target(first.endpoint(),
                RegistryCredentials.none()));
    }

    @Test
    void theCredentialsNeverShowTheirPassword() {
        assertThat(new RegistryCredentials(USER, PASSWORD).toString()).contains(USER).doesNotContain(PASSWORD);
        assertThat(connection.target().toString()).doesNotContain(PASSWORD);
        assertThatThrownBy(() -> new RegistryCredentials(null, PASSWORD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistryCredentials(USER, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSimulatorChallengesACallWithoutLoginWithBasicAndAnswersOneWithIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI wsdl = URI.create(second.endpoint() + "?wsdl");

        HttpResponse<String> without = http.send(HttpRequest.newBuilder(wsdl).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> with = http.send(HttpRequest.newBuilder(wsdl).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString((USER + ":" + SECOND_PASSWORD).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValue(
                "Basic realm=\"registry\", charset=\"UTF-8\"");
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.body()).contains("LookupEnterprise");
    }
}
