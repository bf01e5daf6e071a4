package vn.gov.bus.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.audit.verifier.ChainVerifier;
import vn.gov.bus.app.api.ApiProblem;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditExporter;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.audit.AuditVerification;
import vn.gov.bus.routes.replay.AuditReplay;

/**
 * The auditors' API (docs/auditing.md): search, payloads, export bundles, live verification and
 * replay. Every call is itself an audit record (who, what, from where).
 * Access control: the security configuration (roles noted on each method); who and from where: {@link AuditorIdentity}.
 */
@RestController
@RequestMapping("/api/audit")
@ConditionalOnProperty(name = "bus.audit.enabled", havingValue = "true", matchIfMissing = true)
public class AuditController {

    static final int MAX_PAGE_SIZE = 500;

    private final AuditStore store;
    private final AuditExporter exporter;
    private final AuditVerification verification;
    private final AuditReplay replay;
    private final AuditTrail audit;
    private final AuditorIdentity identity;

    public AuditController(AuditStore store, AuditExporter exporter, AuditVerification verification,
                           AuditReplay replay, AuditTrail audit, AuditorIdentity identity) {
        this.identity = identity;
        this.store = store;
        this.exporter = exporter;
        this.verification = verification;
        this.replay = replay;
        this.audit = audit;
    }

    /** Role AUDITOR. */
    @GetMapping("/records")
    public Map<String, Object> search(@RequestParam Map<String, String> params, HttpServletRequest request) {
        AuditQuery query = query(params);
        int page = number(params, "page", 0, 0, Integer.MAX_VALUE);
        int size = number(params, "size", 50, 1, MAX_PAGE_SIZE);
        action(request, "search " + query + " page " + page + " size " + size);
        AuditStore.Page found = store.search(query, page, size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", found.page());
        out.put("size", found.size());
        out.put("total", found.total());
        out.put("records", found.records().stream().map(AuditController::json).toList());
        return out;
    }

    /** Role AUDITOR. */
    @GetMapping("/records/{seq}")
    public ResponseEntity<Object> record(@PathVariable long seq, HttpServletRequest request) {
        action(request, "read record " + seq);
        return store.find(seq).<ResponseEntity<Object>>map(r -> ResponseEntity.ok(json(r)))
                .orElseGet(() -> error(ApiProblem.notFound("seq", "no audit record " + seq, "không có bản ghi " + seq)));
    }

    /** Role AUDITOR: the exact bytes a step saw. */
    @GetMapping("/payloads/{sha256}")
    public ResponseEntity<Object> payload(@PathVariable String sha256, HttpServletRequest request) {
        action(request, "read payload " + sha256);
        return store.payload(sha256).<ResponseEntity<Object>>map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes))
                .orElseGet(() -> store.isPruned(sha256)
                        ? error(new ApiProblem(HttpStatus.GONE, "PRUNED", "sha256", "retained", "payload " + sha256
                        + " was deleted by retention; its digest stays in the chain",
                        "nội dung đã bị xoá theo thời hạn lưu; mã băm vẫn còn trong chuỗi"))
                        : error(ApiProblem.notFound("sha256", "no payload " + sha256, "không có nội dung " + sha256)));
    }

    /** Role AUDITOR: the offline verifier's checks on the live store. */
    @GetMapping("/verify")
    public Map<String, Object> verify(HttpServletRequest request) {
        action(request, "verify the live store");
        ChainVerifier.Report report = verification.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", report.ok());
        out.put("summary", report.summary());
        out.put("summaryVi", report.summaryVi());
        if (!report.ok()) {
            out.put("brokenAt", report.brokenAt());
            out.put("reason", report.reason());
        }
        out.put("records", report.records());
        out.put("payloads", report.payloads());
        out.put("pruned", report.pruned());
        out.put("checkpoints", report.checkpoints());
        out.put("timestamped", report.timestamped());
        return out;
    }

    /** Role AUDITOR: a zip bundle for the offline verifier (tools/audit-verifier). */
    @GetMapping(value = "/export", produces = "application/zip")
    public ResponseEntity<byte[]> export(@RequestParam Map<String, String> params, HttpServletRequest request)
            throws IOException {
        AuditQuery query = query(params);
        action(request, "export " + query);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditExporter.Summary summary = exporter.export(query, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + summary.first() + "-"
                        + summary.last() + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out.toByteArray());
    }

    /** What an operator sends to replay: the record, the route (empty = original), dry run, force. */
    public record ReplayRequest(Long seq, String route, Boolean dryRun, Boolean force) {
    }

    /** Roles AUDITOR, OPERATOR. */
    @PostMapping("/replay")
    public Map<String, Object> replay(@RequestBody ReplayRequest body, HttpServletRequest request) {
        if (body == null || body.seq() == null) {
            throw ApiProblem.invalid("seq", "required", "seq (the audit record to replay) is required",
                    "cần số thứ tự (seq) của bản ghi cần gửi lại");
        }
        AuditReplay.Result result = replay.replay(new AuditReplay.Request(body.seq(), body.route(),
                Boolean.TRUE.equals(body.dryRun()), Boolean.TRUE.equals(body.force()),
                identity.actor(request), identity.origin(request)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("correlationId", result.correlationId());
        out.put("sent", result.sent());
        out.put("route", result.route());
        out.put("queue", result.queue());
        out.put("headers", result.headers());
        out.put("payloadSha256", result.payloadSha256());
        out.put("payloadBytes", result.payloadBytes());
        if (!result.sent()) {
            out.put("payload", result.payload());
        }
        out.put("records", "/api/audit/records?correlationId=" + result.correlationId());
        return out;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badRequest(RuntimeException e) {
        return error(ApiProblem.invalid("request", "valid", e.getMessage(), "yêu cầu không hợp lệ: " + e.getMessage()));
    }

    @ExceptionHandler(AuditReplay.ReplayException.class)
    ResponseEntity<Object> cannotReplay(AuditReplay.ReplayException e) {
        return error(ApiProblem.conflict("seq", "replayable", e.getMessage(), "không thể gửi lại: " + e.getMessage()));
    }

    private void action(HttpServletRequest request, String what) {
        audit.record(AuditEvent.of(AuditStep.AUDITOR_ACTION).actor(identity.actor(request))
                .origin(identity.origin(request)).routeId("audit-api")
                .detail(request.getMethod() + " " + request.getRequestURI() + ": " + what).build());
    }

    private static ResponseEntity<Object> error(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).body(problem.body());
    }

    static AuditQuery query(Map<String, String> p) {
        for (String name : p.keySet()) {
            if (!List.of("documentId", "messageId", "correlationId", "agency", "route", "step", "outcome", "from", "to", "page", "size")
                    .contains(name)) {
                throw ApiProblem.invalid(name, "known-parameter", "unknown parameter '" + name + "'; filters are "
                        + "documentId, messageId, correlationId, agency, route, step, outcome, from, to (ISO-8601 "
                        + "instants), page, size", "tham số '" + name + "' không được hỗ trợ");
            }
        }
        return new AuditQuery(blank(p.get("documentId")), blank(p.get("messageId")), blank(p.get("correlationId")),
                blank(p.get("agency")),
                blank(p.get("route")), p.get("step") == null ? null : enumOf(AuditStep.class, p.get("step"), "step"),
                p.get("outcome") == null ? null : enumOf(AuditOutcome.class, p.get("outcome"), "outcome"),
                instant(p, "from"), instant(p, "to"));
    }

    private static Instant instant(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name, "instant", name + " must be an ISO-8601 instant such as"
                    + " 2026-12-01T08:00:00Z, was '" + value + "'", name + " phải là thời điểm dạng 2026-12-01T08:00:00Z");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "one-of", name + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()), name + " '" + value + "' không hợp lệ");
        }
    }

    private static int number(Map<String, String> p, String name, int fallback, int min, int max) {
        String raw = p.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalid(name, "range", name + " must be a whole number from " + min + " to " + max
                + ", was '" + raw + "'", name + " phải là số nguyên từ " + min + " đến " + max);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Map<String, Object> json(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("time", AuditRecord.TIME.format(r.time()));
        m.put("step", r.step().name());
        m.put("outcome", r.outcome().name());
        m.put("messageId", r.messageId());
        m.put("documentId", r.documentId());
        m.put("correlationId", r.correlationId());
        m.put("routeId", r.routeId());
        m.put("senderId", r.senderId());
        m.put("recipientId", r.recipientId());
        m.put("actor", r.actor());
        m.put("origin", r.origin());
        m.put("detail", r.detail());
        m.put("payloadSha256", r.payloadSha256());
        m.put("payload", r.payloadSha256() == null ? null : "/api/audit/payloads/" + r.payloadSha256());
        m.put("prevHash", r.prevHash());
        m.put("recordHash", r.recordHash());
        return m;
    }
}
