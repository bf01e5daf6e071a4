package vn.gov.bus.app.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.app.security.SystemCaller;
import vn.gov.bus.connectors.registry.CallerAuthenticator;
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.EnterpriseLookupBackend;
import vn.gov.bus.connectors.registry.EnterpriseNotFoundException;
import vn.gov.bus.connectors.registry.InvalidEnterpriseCodeException;
import vn.gov.bus.connectors.registry.LookupAnswer;
import vn.gov.bus.connectors.registry.LookupRequest;
import vn.gov.bus.connectors.registry.RegistryAccessRefusedException;
import vn.gov.bus.connectors.registry.RegistryRequestRejectedException;
import vn.gov.bus.connectors.registry.RegistryUnavailableException;

/**
 * {@code GET /api/v1/enterprises/{taxCode}} with {@code Authorization: Bearer <token>} (or a client
 * certificate mapped to the system, over mTLS): the
 * enterprise's general information from the national business registry, through the bus's cache.
 * 200 (a stale answer also carries {@code Age} and {@code freshness.stale=true}), 400 with field
 * and rule for a malformed code, 401, 404, 503 with {@code Retry-After}, 502 when the registry
 * refuses the bus's own credentials. Errors are JSON with the message in English and Vietnamese.
 */
@RestController
public class EnterpriseLookupController {

    private final EnterpriseLookupBackend lookups;
    private final CallerAuthenticator callers;

    public EnterpriseLookupController(EnterpriseLookupBackend lookups, CallerAuthenticator callers) {
        this.lookups = lookups;
        this.callers = callers;
    }

    @GetMapping(path = "/api/v1/enterprises/{taxCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> enterprise(@PathVariable String taxCode,
                                        @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                        String authorization, HttpServletRequest http) {
        // a client certificate mapped to a system (mTLS, docs/security.md) stands for the token
        Optional<String> caller = SystemCaller.current().or(() -> bearer(authorization).flatMap(callers::authenticate));
        if (caller.isEmpty()) {
            lookups.authenticationFailed(null, http.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bus\"")
                    .body(new Problem("AUTH_FAILED", HttpHeaders.AUTHORIZATION, "known-caller",
                            "Authentication failed: give the token of your system as 'Authorization: Bearer <token>'",
                            "Xác thực không thành công: gửi mã xác thực của hệ thống trong tiêu đề"
                                    + " 'Authorization: Bearer <mã>'", null));
        }
        LookupAnswer answer = lookups.lookup(new LookupRequest(caller.get(), http.getRemoteAddr(), "taxCode", taxCode));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (answer.source() == LookupAnswer.Source.CACHE) {
            // RFC 9111 Age: how old the answer is, in seconds
            ok.header(HttpHeaders.AGE, Long.toString(answer.age().toSeconds()));
        }
        return ok.body(new EnterpriseResponse(EnterpriseView.of(answer.enterprise()), new Freshness(
                answer.source().name(), answer.stale(), answer.fetchedAt(), answer.age().toSeconds())));
    }

    @ExceptionHandler(InvalidEnterpriseCodeException.class)
    ResponseEntity<Problem> invalid(InvalidEnterpriseCodeException e) {
        return ResponseEntity.badRequest().body(new Problem("INVALID_CODE", e.field(), e.rule(), e.getMessage(),
                e.messageVi(), null));
    }

    @ExceptionHandler(EnterpriseNotFoundException.class)
    ResponseEntity<Problem> notFound(EnterpriseNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("NOT_FOUND", "taxCode", "registered",
                e.getMessage(), e.messageVi(), null));
    }

    @ExceptionHandler(RegistryUnavailableException.class)
    ResponseEntity<Problem> unavailable(RegistryUnavailableException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(new Problem("UNAVAILABLE", null, null, e.getMessage(), e.messageVi(), seconds));
    }

    /** The registry refused the bus, not the caller: a gateway error, and no Retry-After (an administrator must act). */
    @ExceptionHandler(RegistryAccessRefusedException.class)
    ResponseEntity<Problem> refused(RegistryAccessRefusedException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(new Problem("REGISTRY_REFUSED", null, null, e.getMessage(), e.messageVi(), null));
    }

    /** The registry found the bus's request invalid: a gateway error, no Retry-After (a defect to report). */
    @ExceptionHandler(RegistryRequestRejectedException.class)
    ResponseEntity<Problem> rejected(RegistryRequestRejectedException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(new Problem("REGISTRY_REJECTED", null, null, e.getMessage(), e.messageVi(), null));
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip());
    }

    /** The JSON answer. */
    public record EnterpriseResponse(EnterpriseView enterprise, Freshness freshness) {
    }

    /** How fresh the answer is: source REGISTRY or CACHE, stale when past the cache lifetime. */
    public record Freshness(String source, boolean stale, Instant fetchedAt, long ageSeconds) {
    }

    /** The enterprise as JSON, with its main business line picked out. */
    public record EnterpriseView(String code, String kind, String parentCode, String nameVi, String nameEn,
                                 String shortName, Enterprise.Address address,
                                 Enterprise.Representative legalRepresentative, String legalFormCode,
                                 String legalFormName, String status, java.time.LocalDate registrationDate,
                                 java.time.LocalDate lastChangeDate, int changeCount,
                                 Enterprise.BusinessLine mainBusinessLine, List<Enterprise.BusinessLine> businessLines) {

        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.code(), e.kind().name(), e.parentCode(), e.nameVi(), e.nameEn(), e.shortName(),
                    e.address(), e.legalRepresentative(), e.legalFormCode(), e.legalFormName(), e.status().name(),
                    e.registrationDate(), e.lastChangeDate(), e.changeCount(), e.mainBusinessLine().orElse(null),
                    e.businessLines());
        }
    }

    /** An error: code, the field and rule at fault, the message in English and Vietnamese. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String code, String field, String rule, String message, String messageVi,
                          Long retryAfterSeconds) {
    }
}
