package vn.gov.bus.routes.registry;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.cxf.transport.http.HTTPException;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.registry.EnterpriseCode;
import vn.gov.bus.connectors.registry.RegistryAnswer;
import vn.gov.bus.connectors.registry.RegistryEndpoints;
import vn.gov.bus.connectors.registry.RegistryMessages;
import vn.gov.bus.schemas.registry.LookupResponse;
import vn.gov.bus.schemas.registry.RegistryFault;

/**
 * Asks the national business registry about one validated code: body {@link EnterpriseCode} in,
 * {@link RegistryAnswer} out, never an exception. Inside the Resilience4j circuit breaker, a
 * failed call (timeout, refused connection, SOAP fault) is retried by this route's error handler
 * ({@code inheritErrorHandler}) up to {@link RegistryLookupSettings#maxRetries()} times; only
 * the lookup's final outcome counts for the breaker. When the retries are spent or the breaker
 * is open, the fallback answers {@link RegistryAnswer.Unavailable} and the caller decides
 * (a stale cached answer, or 503). A call the registry refuses (HTTP 401/403: the bus's
 * credentials) is answered {@link RegistryAnswer.Refused} at once: not retried (the same
 * credentials get the same refusal) and, reaching the breaker as an answer, not counted as the
 * registry being down.
 */
@Component
public class RegistryLookupRoute extends RouteBuilder {

    public static final String ROUTE_ID = "registry-lookup";
    public static final String URI = "direct:" + ROUTE_ID;
    public static final String CALL_ROUTE_ID = "registry-call";
    static final String CALL_URI = "direct:" + CALL_ROUTE_ID;
    /** Name of the breaker in the Camel registry (the EIP refers to it). */
    public static final String BREAKER_BEAN = "registryCircuitBreaker";

    private final RegistryLookupSettings settings;
    private final CircuitBreaker breaker;

    public RegistryLookupRoute(RegistryLookupSettings settings, CircuitBreaker registryCircuitBreaker) {
        this.settings = settings;
        this.breaker = registryCircuitBreaker;
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind(BREAKER_BEAN, CircuitBreaker.class, breaker);

        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(settings.maxRetries())
                .redeliveryDelay(settings.retryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                // the fallback reports the final failure; no stack trace per lookup in the log
                .logExhausted(false));

        onException(HTTPException.class)
                .onWhen(exchange -> RegistryMessages.toRefusal(failure(exchange)).isPresent())
                .maximumRedeliveries(0)
                .handled(true)
                .process(RegistryLookupRoute::refused);

        // a fault the same request gets again (INVALID_REQUEST): an answer, not an outage to retry
        onException(RegistryFault.class)
                .onWhen(exchange -> RegistryMessages.toRejection(failure(exchange)).isPresent())
                .maximumRedeliveries(0)
                .handled(true)
                .process(RegistryLookupRoute::rejected);

        from(URI).routeId(ROUTE_ID)
                .setProperty("registryCode", body())
                .circuitBreaker()
                    .resilience4jConfiguration().circuitBreaker(BREAKER_BEAN).end()
                    .to(CALL_URI)
                .onFallback()
                    .process(RegistryLookupRoute::unavailable)
                .end();

        // one lookup, retried by this route's error handler: the breaker sees its final outcome only
        from(CALL_URI).routeId(CALL_ROUTE_ID)
                .process(RegistryMessages::toRequest)
                .to(RegistryEndpoints.URI)
                .process(RegistryLookupRoute::toAnswer);
    }

    private static void toAnswer(Exchange exchange) {
        EnterpriseCode code = exchange.getProperty("registryCode", EnterpriseCode.class);
        exchange.getMessage().setBody(RegistryMessages.toAnswer(
                exchange.getMessage().getBody(LookupResponse.class), code.value()));
    }

    private static void rejected(Exchange exchange) {
        exchange.getMessage().setBody(RegistryMessages.toRejection(failure(exchange)).orElseThrow());
    }

    private static void refused(Exchange exchange) {
        exchange.getMessage().setBody(RegistryMessages.toRefusal(failure(exchange)).orElseThrow());
    }

    /** The failure being handled: still on the exchange while onWhen decides, in the property after. */
    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static void unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        RegistryAnswer answer = cause == null
                ? new RegistryAnswer.Unavailable("circuit breaker open: the registry is not being asked", true)
                : new RegistryAnswer.Unavailable(reason(cause), false);
        exchange.getMessage().setBody(answer);
    }

    /** The deepest cause that says something: "HttpTimeoutException: request timed out", a fault code… */
    static String reason(Throwable failure) {
        Throwable said = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryFault fault) {
                return RegistryMessages.toFailure(fault).getMessage();
            }
            if (t.getMessage() != null) {
                said = t;
            }
        }
        return said.getClass().getSimpleName() + (said.getMessage() == null ? "" : ": " + said.getMessage());
    }
}
