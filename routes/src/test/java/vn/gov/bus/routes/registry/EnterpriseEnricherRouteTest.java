package vn.gov.bus.routes.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.InvalidEnterpriseCodeException;

/** The enrichment step inside a route, against the registry simulator over the network. */
class EnterpriseEnricherRouteTest {

    static RegistryFixture fixture;
    static ProducerTemplate producer;
    static MockEndpoint enriched;

    @BeforeAll
    static void start() throws Exception {
        fixture = new RegistryFixture(RegistryFixture.settings(1, 10, Duration.ofSeconds(30)), Duration.ofSeconds(5));
        EnterpriseEnricher enricher = new EnterpriseEnricher(fixture.service);
        fixture.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(InvalidEnterpriseCodeException.class).handled(true)
                        .setHeader("refusedRule", simple("${exception.rule}"))
                        .to("mock:refused");
                from("direct:dossier").routeId("dossier-intake").process(enricher).to("mock:enriched");
            }
        });
        producer = fixture.camel.createProducerTemplate();
        enriched = fixture.camel.getEndpoint("mock:enriched", MockEndpoint.class);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aPackageWithATaxCodeHeaderLeavesWithTheRegistryDataAsHeaders() {
        Enterprise expected = fixture.simulator.dataset().enterprise(2_024);

        Exchange out = producer.request("direct:dossier", e -> {
            e.getMessage().setHeader(EnterpriseHeaders.TAX_CODE, expected.code());
            e.getMessage().setBody("<edXML/>");
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(EnterpriseHeaders.LOOKUP)).isEqualTo(EnterpriseHeaders.FOUND);
        assertThat(out.getMessage().getHeader(EnterpriseHeaders.NAME)).isEqualTo(expected.nameVi());
        assertThat(out.getMessage().getHeader(EnterpriseHeaders.STATUS)).isEqualTo(expected.status().name());
        assertThat(out.getMessage().getHeader(EnterpriseHeaders.ADDRESS)).isEqualTo(expected.address().fullAddress());
        assertThat(out.getMessage().getHeader(EnterpriseHeaders.ENTERPRISE)).isEqualTo(expected);
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("<edXML/>");
        assertThat(fixture.audit).last().satisfies(event -> assertThat(event.actor()).isEqualTo("route:dossier-intake"));
    }

    @Test
    void aDossierWithATaxCodeFieldGetsTheEnterpriseAddedAsAField() {
        Enterprise expected = fixture.simulator.dataset().enterprise(2_025);

        Object body = producer.requestBody("direct:dossier", Map.of("dossierNo", "HS-2026-000123",
                "taxCode", expected.code()));

        assertThat(body).isInstanceOfSatisfying(Map.class, dossier -> {
            assertThat(dossier.get("dossierNo")).isEqualTo("HS-2026-000123");
            assertThat(dossier.get(EnterpriseEnricher.DOSSIER_ENTERPRISE)).isEqualTo(expected);
        });
    }

    @Test
    void anUnknownTaxCodeIsMarkedNotFoundAndTheMessageGoesOn() {
        Exchange out = producer.request("direct:dossier", e -> e.getMessage()
                .setHeader(EnterpriseHeaders.TAX_CODE, fixture.simulator.dataset().unknownValidCode()));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(EnterpriseHeaders.LOOKUP)).isEqualTo(EnterpriseHeaders.NOT_FOUND);
        assertThat(out.getMessage().getHeader(EnterpriseHeaders.NAME)).isNull();
    }

    @Test
    void aMalformedTaxCodeFailsTheStepWithItsRuleForTheRoutesErrorHandling() throws Exception {
        MockEndpoint refused = fixture.camel.getEndpoint("mock:refused", MockEndpoint.class);
        refused.expectedMessageCount(1);
        refused.expectedHeaderReceived("refusedRule", "check-digit");

        producer.send("direct:dossier", e -> e.getMessage().setHeader(EnterpriseHeaders.TAX_CODE, "0100109107"));

        refused.assertIsSatisfied();
    }
}
