package vn.gov.bus.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.core.state.QuarantineReview;
import vn.gov.bus.core.state.QuarantineReview.Item;
import vn.gov.bus.routes.mail.QuarantineDecisionException;
import vn.gov.bus.routes.mail.QuarantineDecisions;

/**
 * The quarantine for operators: list what was refused and why, accept a quarantined mail naming
 * its sender agency, or reject an item with a reason. Every decision is audited with the operator
 * ({@link OperatorIdentity}: the authenticated person; roles ADMIN, OPERATOR per docs/security.md).
 */
@RestController
@RequestMapping("/api/v1/quarantine")
public class QuarantineController {

    private final QuarantineReview review;
    private final QuarantineDecisions decisions;
    private final OperatorIdentity operators;

    public QuarantineController(QuarantineReview review, QuarantineDecisions decisions, OperatorIdentity operators) {
        this.review = review;
        this.decisions = decisions;
        this.operators = operators;
    }

    /** Items of one source (MAIL, AXIS), oldest first; by default only those still undecided. */
    @GetMapping
    public List<Item> list(@RequestParam(defaultValue = "MAIL") String source,
                           @RequestParam(defaultValue = "true") boolean undecided,
                           @RequestParam(defaultValue = "100") int limit) {
        return review.list(source, undecided, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id}")
    public ResponseEntity<Item> get(@PathVariable String id) {
        return review.find(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    /** Body: {@code {"senderOrganId": "000.31.01.H53"}}. */
    @PostMapping("/{id}/accept")
    public Item accept(@PathVariable String id, @RequestBody AcceptRequest body, HttpServletRequest request) {
        if (body == null || body.senderOrganId() == null || body.senderOrganId().isBlank()) {
            throw ApiProblem.invalid("senderOrganId", "required",
                    "senderOrganId (the agency that sent the mail) is required",
                    "cần ghi mã cơ quan đã gửi thư (senderOrganId)");
        }
        return decisions.accept(id, body.senderOrganId().strip(), operators.operator(request));
    }

    /** Body: {@code {"reason": "…"}}. */
    @PostMapping("/{id}/reject")
    public Item reject(@PathVariable String id, @RequestBody RejectRequest body, HttpServletRequest request) {
        return decisions.reject(id, body == null ? null : body.reason(), operators.operator(request));
    }

    public record AcceptRequest(String senderOrganId) {
    }

    public record RejectRequest(String reason) {
    }

    @ExceptionHandler(QuarantineDecisionException.class)
    ResponseEntity<ApiProblem.Body> refused(QuarantineDecisionException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new ApiProblem.Body(e.kind().name(), e.field(), e.rule(),
                e.getMessage(), e.messageVi()));
    }

    @ExceptionHandler(OperatorIdentity.MissingOperatorException.class)
    ResponseEntity<ApiProblem.Body> anonymous(OperatorIdentity.MissingOperatorException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiProblem.Body("NO_OPERATOR", "operator",
                "known", e.getMessage(), "không xác định được người thao tác"));
    }
}
