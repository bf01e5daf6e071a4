package vn.gov.bus.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
import vn.gov.bus.schemas.registry.RegistryFault;

/** The camel-cxf client against the registry simulator over HTTP on an ephemeral port. */
class RegistryClientSimulatorTest {

    static RegistrySimulator simulator;
    static CamelContext camel;
    static ProducerTemplate producer;
    static final EnterpriseCodeValidator VALIDATOR = EnterpriseCodeValidator.strict();

    @BeforeAll
    static void start() throws Exception {
        simulator = new RegistrySimulator("127.0.0.1", 0, new EnterpriseDataset(100_000)).start();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(RegistryEndpoints.BEAN_NAME, RegistryEndpoints.create(camel,
                new RegistryClientSettings(simulator.endpoint(), Duration.ofSeconds(2), Duration.ofMillis(500),
                        256 * 1024)));
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
    void recover() {
        simulator.recover();
    }

    @AfterAll
    static void stop() {
        camel.stop();
        simulator.close();
    }

    RegistryAnswer lookup(String code) {
        return producer.requestBody("direct:lookup", VALIDATOR.validate("code", code), RegistryAnswer.class);
    }

    @Test
    void anEnterpriseOfTheDatasetComesBackWholeOverSoap() {
        Enterprise expected = simulator.dataset().enterprise(4_242);
        assertThat(lookup(expected.code())).isEqualTo(new RegistryAnswer.Found(expected));
    }

    @Test
    void aBranchIsLookedUpByItsThirteenDigitCode() {
        int index = simulator.dataset().firstWithBranch(100);
        Enterprise branch = simulator.dataset().branch(index, 1);
        assertThat(lookup(branch.code())).isEqualTo(new RegistryAnswer.Found(branch));
    }

    @Test
    void aHouseholdBusinessIsLookedUpByPersonalId() {
        Enterprise household = simulator.dataset().household(5);
        assertThat(lookup(household.code())).isEqualTo(new RegistryAnswer.Found(household));
    }

    @Test
    void aValidCodeTheRegistryDoesNotKnowIsNotFound() {
        assertThat(lookup(simulator.dataset().unknownValidCode())).isInstanceOf(RegistryAnswer.NotFound.class);
    }

    @Test
    void aSoapFaultOnDemandReachesTheClientAsTheDeclaredRegistryFault() {
        simulator.answerWithFault("UNAVAILABLE");
        assertThatThrownBy(() -> lookup(simulator.dataset().code(1)))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(RegistryFault.class,
                        f -> assertThat(RegistryMessages.toFailure(f).code()).isEqualTo("UNAVAILABLE"));
    }

    @Test
    void aSlowRegistryTimesOutAtTheReceiveTimeout() {
        simulator.answerSlowly(Duration.ofSeconds(30));
        assertThatThrownBy(() -> lookup(simulator.dataset().code(2)))
                .isInstanceOf(CamelExecutionException.class)
                .hasStackTraceContaining("HttpTimeoutException");
    }

    @Test
    void aClosedPortRefusesTheConnectionUntilTheSimulatorRecovers() {
        String code = simulator.dataset().code(3);
        simulator.refuseConnections();
        assertThatThrownBy(() -> lookup(code))
                .isInstanceOf(CamelExecutionException.class)
                .hasStackTraceContaining("java.net.ConnectException");
        simulator.recover();
        assertThat(lookup(code)).isInstanceOf(RegistryAnswer.Found.class);
    }
}
