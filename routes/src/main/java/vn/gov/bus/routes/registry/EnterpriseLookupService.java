package vn.gov.bus.routes.registry;

import java.time.Duration;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.registry.EnterpriseCache;
import vn.gov.bus.connectors.registry.EnterpriseCode;
import vn.gov.bus.connectors.registry.EnterpriseCodeValidator;
import vn.gov.bus.connectors.registry.EnterpriseLookupBackend;
import vn.gov.bus.connectors.registry.EnterpriseNotFoundException;
import vn.gov.bus.connectors.registry.InvalidEnterpriseCodeException;
import vn.gov.bus.connectors.registry.LookupAnswer;
import vn.gov.bus.connectors.registry.LookupRequest;
import vn.gov.bus.connectors.registry.RegistryAccessRefusedException;
import vn.gov.bus.connectors.registry.RegistryRequestRejectedException;
import vn.gov.bus.connectors.registry.RegistryAnswer;
import vn.gov.bus.connectors.registry.RegistryUnavailableException;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;

/**
 * One enterprise lookup, for every caller (REST, legacy SOAP, enrichment step):
 * <ol>
 *   <li>validate the code — a malformed one is refused here, the registry is never asked;</li>
 *   <li>a cached answer younger than the cache lifetime is given as it is;</li>
 *   <li>otherwise the registry is asked ({@link RegistryLookupRoute}: retries, circuit breaker),
 *       and its answer cached;</li>
 *   <li>the registry unavailable: the cached answer however old, marked stale with its age; with
 *       none, {@link RegistryUnavailableException} with the advice to retry after the breaker's
 *       open-state wait;</li>
 *   <li>the registry refusing the bus (401/403): the same stale answer if there is one; with none,
 *       {@link RegistryAccessRefusedException} — no advice to retry, an administrator must act.
 *       Either way it is logged at ERROR and audited as such.</li>
 * </ol>
 * Every lookup is audited (step LOOKUP): who asked, which code, the outcome — never the answer's
 * content (names, representative), and a personal id only masked.
 */
@Component
public class EnterpriseLookupService implements EnterpriseLookupBackend {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseLookupService.class);

    private final EnterpriseCodeValidator validator;
    private final EnterpriseCache cache;
    private final ProducerTemplate producer;
    private final AuditTrail audit;
    private final RegistryLookupSettings settings;

    public EnterpriseLookupService(EnterpriseCodeValidator validator, EnterpriseCache cache, ProducerTemplate producer,
                                   AuditTrail audit, RegistryLookupSettings settings) {
        this.validator = validator;
        this.cache = cache;
        this.producer = producer;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public LookupAnswer lookup(LookupRequest request) {
        EnterpriseCode code;
        try {
            code = validator.validate(request.field(), request.code());
        } catch (InvalidEnterpriseCodeException invalid) {
            // the input itself is not recorded: it may be a mistyped personal id
            record(request, null, AuditOutcome.REFUSED, "result=INVALID field=" + invalid.field()
                    + " rule=" + invalid.rule() + " length=" + (request.code() == null ? 0 : request.code().length()));
            throw invalid;
        }
        Optional<EnterpriseCache.Entry> cached = cache.find(code.value());
        if (cached.isPresent() && cached.get().fresh()) {
            EnterpriseCache.Entry entry = cached.get();
            record(request, code, AuditOutcome.OK, "result=FOUND source=CACHE age=" + entry.age().toSeconds() + "s");
            return new LookupAnswer(entry.enterprise(), LookupAnswer.Source.CACHE, false, entry.fetchedAt(), entry.age());
        }
        RegistryAnswer answer = producer.requestBody(RegistryLookupRoute.URI, code, RegistryAnswer.class);
        if (answer instanceof RegistryAnswer.Found found) {
            EnterpriseCache.Entry entry = cache.put(found.enterprise());
            record(request, code, AuditOutcome.OK, "result=FOUND source=REGISTRY");
            return new LookupAnswer(found.enterprise(), LookupAnswer.Source.REGISTRY, false, entry.fetchedAt(),
                    Duration.ZERO);
        }
        if (answer instanceof RegistryAnswer.NotFound) {
            // a code the registry no longer knows must not be answered from an old entry
            cached.ifPresent(old -> cache.remove(code.value()));
            record(request, code, AuditOutcome.OK, "result=NOT_FOUND source=REGISTRY");
            throw new EnterpriseNotFoundException(code.value());
        }
        if (answer instanceof RegistryAnswer.Refused refused) {
            return refused(request, code, cached, refused);
        }
        if (answer instanceof RegistryAnswer.Rejected rejected) {
            return rejected(request, code, cached, rejected);
        }
        return unavailable(request, code, cached, (RegistryAnswer.Unavailable) answer);
    }

    private LookupAnswer refused(LookupRequest request, EnterpriseCode code, Optional<EnterpriseCache.Entry> cached,
                                 RegistryAnswer.Refused refused) {
        // every lookup says it until the credentials are corrected: the operator must not miss it
        log.error("the business registry refused the bus ({}): correct bus.registry.username or the credentialsRef"
                + " of route {}", refused.reason(), RegistryLookupRoute.CALL_ROUTE_ID);
        if (cached.isPresent()) {
            EnterpriseCache.Entry entry = cached.get();
            record(request, code, AuditOutcome.ERROR, "result=FOUND source=CACHE stale=true age="
                    + entry.age().toSeconds() + "s registry=REFUSED " + refused.reason());
            return new LookupAnswer(entry.enterprise(), LookupAnswer.Source.CACHE, true, entry.fetchedAt(), entry.age());
        }
        record(request, code, AuditOutcome.ERROR, "result=REFUSED registry=" + refused.reason());
        throw new RegistryAccessRefusedException(code.value(), refused);
    }

    private LookupAnswer rejected(LookupRequest request, EnterpriseCode code, Optional<EnterpriseCache.Entry> cached,
                                  RegistryAnswer.Rejected rejected) {
        log.error("the business registry rejected the bus's request for {} ({}): a defect to report, retrying does"
                + " not help", code.forAudit(), rejected.reason());
        if (cached.isPresent()) {
            EnterpriseCache.Entry entry = cached.get();
            record(request, code, AuditOutcome.ERROR, "result=FOUND source=CACHE stale=true age="
                    + entry.age().toSeconds() + "s registry=REJECTED " + rejected.reason());
            return new LookupAnswer(entry.enterprise(), LookupAnswer.Source.CACHE, true, entry.fetchedAt(), entry.age());
        }
        record(request, code, AuditOutcome.ERROR, "result=REJECTED registry=" + rejected.reason());
        throw new RegistryRequestRejectedException(code.value(), rejected);
    }

    @Override
    public void authenticationFailed(String claimedSystem, String origin) {
        audit.record(AuditEvent.of(AuditStep.LOOKUP)
                .outcome(AuditOutcome.REFUSED)
                .routeId(RegistryLookupRoute.ROUTE_ID)
                .actor(claimedSystem)
                .origin(origin)
                .detail("result=AUTH_FAILED")
                .build());
    }

    private LookupAnswer unavailable(LookupRequest request, EnterpriseCode code, Optional<EnterpriseCache.Entry> cached,
                                     RegistryAnswer.Unavailable unavailable) {
        if (cached.isPresent()) {
            EnterpriseCache.Entry entry = cached.get();
            log.warn("registry unavailable ({}): answering {} from a stale cache entry {} s old",
                    unavailable.reason(), code.forAudit(), entry.age().toSeconds());
            record(request, code, AuditOutcome.WARNING, "result=FOUND source=CACHE stale=true age="
                    + entry.age().toSeconds() + "s registry=" + unavailable.reason());
            return new LookupAnswer(entry.enterprise(), LookupAnswer.Source.CACHE, true, entry.fetchedAt(), entry.age());
        }
        log.warn("registry unavailable ({}): no cached answer for {}", unavailable.reason(), code.forAudit());
        record(request, code, AuditOutcome.ERROR, "result=UNAVAILABLE registry=" + unavailable.reason());
        throw new RegistryUnavailableException(code.value(), unavailable.reason(), retryAfter());
    }

    private Duration retryAfter() {
        Duration wait = settings.waitInOpenState();
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private void record(LookupRequest request, EnterpriseCode code, AuditOutcome outcome, String detail) {
        audit.record(AuditEvent.of(AuditStep.LOOKUP)
                .outcome(outcome)
                .routeId(RegistryLookupRoute.ROUTE_ID)
                .actor(request.caller())
                .origin(request.origin())
                .detail((code == null ? "" : "code=" + code.forAudit() + " kind=" + code.kind() + " ") + detail)
                .build());
    }
}
