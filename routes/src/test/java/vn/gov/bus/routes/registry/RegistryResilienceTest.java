package vn.gov.bus.routes.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.registry.LookupAnswer;
import vn.gov.bus.connectors.registry.LookupRequest;
import vn.gov.bus.connectors.registry.RegistryAccessRefusedException;
import vn.gov.bus.connectors.registry.RegistryFailureException;
import vn.gov.bus.connectors.registry.RegistryRequestRejectedException;
import vn.gov.bus.connectors.registry.RegistryUnavailableException;
import vn.gov.bus.core.audit.AuditOutcome;

/**
 * The registry misbehaving, over the network: slow answers time out, failures are retried a
 * bounded number of times, a dead registry opens the breaker, cached answers are given stale
 * with their age, and the breaker closes again once the registry is back.
 */
class RegistryResilienceTest {

    RegistryFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    LookupAnswer lookup(String code) {
        return fixture.service.lookup(new LookupRequest("mot-cua", null, "taxCode", code));
    }

    @Test
    void aSlowRegistryTimesOutEachAttemptAndWithoutACachedAnswerTheCallerIsToldToRetry() throws Exception {
        fixture = new RegistryFixture(RegistryFixture.settings(1, 10, Duration.ofSeconds(7)), Duration.ofMillis(300));
        fixture.simulator.answerSlowly(Duration.ofSeconds(30));
        long before = fixture.simulator.requests();

        assertThatThrownBy(() -> lookup(fixture.simulator.dataset().code(40)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    // The JDK HTTP client under CXF reports a timed-out exchange as HttpTimeoutException,
                    // or, when the timeout closes the connection first, as "connection closed locally".
                    assertThat(e.getMessage()).containsAnyOf("HttpTimeoutException", "connection closed locally");
                });
        // one attempt and one retry, each cut at the receive timeout
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.simulator.requests() - before == 2);
        assertThat(fixture.audit).last().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.ERROR);
            assertThat(event.detail()).contains("result=UNAVAILABLE");
        });
    }

    @Test
    void aFailingRegistryIsRetriedABoundedNumberOfTimesPerLookup() throws Exception {
        fixture = new RegistryFixture(RegistryFixture.settings(2, 10, Duration.ofSeconds(30)), Duration.ofSeconds(5));
        fixture.simulator.answerWithFault("UNAVAILABLE");
        long before = fixture.simulator.requests();

        assertThatThrownBy(() -> lookup(fixture.simulator.dataset().code(41)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.getMessage()).contains("registry fault UNAVAILABLE"));
        assertThat(fixture.simulator.requests() - before).isEqualTo(3);
    }

    @Test
    void aDeadRegistryOpensTheBreakerCachedAnswersComeStaleAndTheBreakerClosesAfterHalfOpen() throws Exception {
        fixture = new RegistryFixture(RegistryFixture.settings(0, 2, Duration.ofSeconds(1)), Duration.ofSeconds(5));
        CircuitBreaker breaker = fixture.camel.getRegistry().lookupByNameAndType(RegistryLookupRoute.BREAKER_BEAN, CircuitBreaker.class);
        String cachedCode = fixture.simulator.dataset().code(50);
        String uncachedCode = fixture.simulator.dataset().code(51);
        lookup(cachedCode);
        fixture.clock.advance(RegistryFixture.CACHE_LIFETIME.plusMinutes(5));

        fixture.simulator.refuseConnections();
        LookupAnswer stale = lookup(cachedCode);
        assertThatThrownBy(() -> lookup(uncachedCode)).isInstanceOf(RegistryUnavailableException.class);

        assertThat(stale.stale()).isTrue();
        assertThat(stale.source()).isEqualTo(LookupAnswer.Source.CACHE);
        assertThat(stale.age()).isEqualTo(RegistryFixture.CACHE_LIFETIME.plusMinutes(5));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // open: answered without trying the registry at all
        assertThatThrownBy(() -> lookup(uncachedCode))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.getMessage()).contains("circuit breaker open"));

        fixture.simulator.recover();
        // after the open-state wait the next lookup is a half-open trial; its success closes the breaker
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() ->
                assertThat(lookup(uncachedCode).source()).isEqualTo(LookupAnswer.Source.REGISTRY));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        LookupAnswer fresh = lookup(cachedCode);
        assertThat(fresh.stale()).isFalse();
        assertThat(fresh.source()).isEqualTo(LookupAnswer.Source.REGISTRY);
    }

    @Test
    void refusedCredentialsAreNotRetriedDoNotOpenTheBreakerAndGiveACachedAnswerStaleOrTheSpecificFailure()
            throws Exception {
        fixture = new RegistryFixture(RegistryFixture.settings(2, 2, Duration.ofSeconds(30)), Duration.ofSeconds(5));
        CircuitBreaker breaker = fixture.camel.getRegistry().lookupByNameAndType(RegistryLookupRoute.BREAKER_BEAN,
                CircuitBreaker.class);
        String cachedCode = fixture.simulator.dataset().code(60);
        lookup(cachedCode);
        fixture.clock.advance(RegistryFixture.CACHE_LIFETIME.plusMinutes(1));
        // the registry now wants a login the fixture's client does not send
        fixture.simulator.requireLogin("another-system", "its-password");
        long refusedBefore = fixture.simulator.refusedLogins();

        for (int i = 61; i < 64; i++) {
            String code = fixture.simulator.dataset().code(i);
            assertThatThrownBy(() -> lookup(code))
                    .isInstanceOfSatisfying(RegistryAccessRefusedException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("HTTP 401").contains("credentials");
                        assertThat(e.messageVi()).contains("thông tin xác thực");
                    });
        }
        LookupAnswer stale = lookup(cachedCode);

        // one attempt per lookup although 2 retries are allowed
        assertThat(fixture.simulator.refusedLogins() - refusedBefore).isEqualTo(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.source()).isEqualTo(LookupAnswer.Source.CACHE);
        assertThat(fixture.audit).filteredOn(event -> event.detail().contains("result=REFUSED")).hasSize(3)
                .allSatisfy(event -> assertThat(event.outcome()).isEqualTo(AuditOutcome.ERROR));
        assertThat(fixture.audit).last().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.ERROR);
            assertThat(event.detail()).contains("stale=true").contains("registry=REFUSED");
        });
    }

    @Test
    void aRequestTheRegistryRejectsAsInvalidIsNotRetriedDoesNotOpenTheBreakerAndGivesACachedAnswerStaleOrTheSpecificFailure()
            throws Exception {
        fixture = new RegistryFixture(RegistryFixture.settings(2, 2, Duration.ofSeconds(30)), Duration.ofSeconds(5));
        CircuitBreaker breaker = fixture.camel.getRegistry().lookupByNameAndType(RegistryLookupRoute.BREAKER_BEAN,
                CircuitBreaker.class);
        String cachedCode = fixture.simulator.dataset().code(70);
        lookup(cachedCode);
        fixture.clock.advance(RegistryFixture.CACHE_LIFETIME.plusMinutes(1));
        fixture.simulator.answerWithFault(RegistryFailureException.INVALID_REQUEST);
        long before = fixture.simulator.requests();

        for (int i = 71; i < 74; i++) {
            String code = fixture.simulator.dataset().code(i);
            assertThatThrownBy(() -> lookup(code))
                    .isInstanceOfSatisfying(RegistryRequestRejectedException.class, e -> {
                        assertThat(e.faultCode()).isEqualTo(RegistryFailureException.INVALID_REQUEST);
                        assertThat(e.getMessage()).contains(code).contains("INVALID_REQUEST");
                        assertThat(e.messageVi()).contains("không hợp lệ");
                    });
        }
        LookupAnswer stale = lookup(cachedCode);

        // one request per lookup although 2 retries are allowed; an answer, so the breaker stays closed
        assertThat(fixture.simulator.requests() - before).isEqualTo(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(stale.stale()).isTrue();
        assertThat(fixture.audit).filteredOn(event -> event.detail().contains("result=REJECTED")).hasSize(3)
                .allSatisfy(event -> assertThat(event.outcome()).isEqualTo(AuditOutcome.ERROR));
        assertThat(fixture.audit).last().satisfies(event ->
                assertThat(event.detail()).contains("stale=true").contains("registry=REJECTED"));
    }
}
