package vn.gov.bus.routes.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.EnterpriseNotFoundException;
import vn.gov.bus.connectors.registry.InvalidEnterpriseCodeException;
import vn.gov.bus.connectors.registry.LookupAnswer;
import vn.gov.bus.connectors.registry.LookupRequest;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;

/** Lookups against the registry simulator over the network: answers, cache, validation, audit. */
class EnterpriseLookupServiceTest {

    static RegistryFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new RegistryFixture(RegistryFixture.settings(2, 10, Duration.ofSeconds(30)), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void clearAudit() {
        fixture.audit.clear();
    }

    LookupAnswer lookup(String code) {
        return fixture.service.lookup(new LookupRequest("mot-cua", "10.0.0.7", "taxCode", code));
    }

    @Test
    void aValidTaxCodeIsAnsweredByTheRegistryThenFromTheCacheWithoutAskingAgain() {
        Enterprise expected = fixture.simulator.dataset().enterprise(31_337);
        long before = fixture.simulator.requests();

        LookupAnswer first = lookup(expected.code());
        LookupAnswer second = lookup(expected.code());

        assertThat(first.enterprise()).isEqualTo(expected);
        assertThat(first.source()).isEqualTo(LookupAnswer.Source.REGISTRY);
        assertThat(second.enterprise()).isEqualTo(expected);
        assertThat(second.source()).isEqualTo(LookupAnswer.Source.CACHE);
        assertThat(second.stale()).isFalse();
        assertThat(fixture.simulator.requests() - before).isEqualTo(1);
    }

    @Test
    void aWrongCheckDigitIsRefusedWithFieldAndRuleAndTheRegistryIsNeverAsked() {
        String valid = fixture.simulator.dataset().code(12);
        String wrong = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
        long before = fixture.simulator.requests();

        assertThatThrownBy(() -> lookup(wrong)).isInstanceOfSatisfying(InvalidEnterpriseCodeException.class, e -> {
            assertThat(e.field()).isEqualTo("taxCode");
            assertThat(e.rule()).isEqualTo("check-digit");
        });
        assertThat(fixture.simulator.requests()).isEqualTo(before);
        assertThat(fixture.audit).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(event.detail()).contains("rule=check-digit").doesNotContain(wrong);
        });
    }

    @Test
    void aBranchCodeIsAnsweredWithTheBranchAndItsParent() {
        int index = fixture.simulator.dataset().firstWithBranch(500);
        String parent = fixture.simulator.dataset().code(index);

        LookupAnswer answer = lookup(parent + "-001");

        assertThat(answer.enterprise().kind()).isEqualTo(Enterprise.UnitKind.BRANCH);
        assertThat(answer.enterprise().parentCode()).isEqualTo(parent);
        assertThat(answer.enterprise().code()).isEqualTo(parent + "-001");
    }

    @Test
    void anUnknownValidCodeIsNotFoundAndAuditedAsSuch() {
        String unknown = fixture.simulator.dataset().unknownValidCode();

        assertThatThrownBy(() -> lookup(unknown)).isInstanceOf(EnterpriseNotFoundException.class);
        assertThat(fixture.audit).singleElement().satisfies(event ->
                assertThat(event.detail()).contains("code=" + unknown).contains("result=NOT_FOUND"));
    }

    @Test
    void everyLookupIsAuditedWithCallerAndCodeButNoneOfTheAnswersPersonalData() {
        Enterprise expected = fixture.simulator.dataset().enterprise(777);
        lookup(expected.code());
        Enterprise household = fixture.simulator.dataset().household(9);
        lookup(household.code());

        assertThat(fixture.audit).hasSize(2).allSatisfy(event -> {
            assertThat(event.step()).isEqualTo(AuditStep.LOOKUP);
            assertThat(event.actor()).isEqualTo("mot-cua");
            assertThat(event.origin()).isEqualTo("10.0.0.7");
            assertThat(event.routeId()).isEqualTo(RegistryLookupRoute.ROUTE_ID);
        });
        AuditEvent enterprise = fixture.audit.get(0);
        assertThat(enterprise.detail()).contains("code=" + expected.code()).contains("result=FOUND")
                .doesNotContain(expected.legalRepresentative().fullName()).doesNotContain(expected.nameVi());
        AuditEvent personal = fixture.audit.get(1);
        assertThat(personal.detail()).doesNotContain(household.code())
                .contains("code=" + household.code().substring(0, 3) + "*******")
                .doesNotContain(household.legalRepresentative().fullName());
    }

    @Test
    void aCallerThatFailedAuthenticationIsAuditedAsRefusedAndNothingIsLookedUp() {
        long before = fixture.simulator.requests();

        fixture.service.authenticationFailed("he-thong-la", "10.0.0.9");

        assertThat(fixture.simulator.requests()).isEqualTo(before);
        assertThat(fixture.audit).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(event.actor()).isEqualTo("he-thong-la");
            assertThat(event.origin()).isEqualTo("10.0.0.9");
            assertThat(event.detail()).isEqualTo("result=AUTH_FAILED");
        });
    }
}
