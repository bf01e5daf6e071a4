package vn.gov.bus.app.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.core.tracking.DocumentSummary;
import vn.gov.bus.core.tracking.DocumentTimeline;
import vn.gov.bus.core.tracking.DocumentTracking;

/**
 * Document tracking over REST (JSON): one document with every recipient, its channel and its
 * timeline; and documents listed by agency, direction, period and current state. Read-only.
 * DocumentIds contain '/' and ',', so they travel as query parameters, not path segments.
 */
@RestController
@RequestMapping("/api/documents")
public class DocumentTrackingController {

    /** Dates without a time are days in Việt Nam (UTC+7), as edXML dates are. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_TEXT = 200;
    static final Set<String> STATES = Set.of("IN_TRANSIT", "DELIVERED", "FAILED", "WITHDRAWN", "NO_LOCAL_RECIPIENT");
    static final Set<String> DIRECTIONS = Set.of("INCOMING", "OUTGOING");

    private final DocumentTracking tracking;

    public DocumentTrackingController(DocumentTracking tracking) {
        this.tracking = tracking;
    }

    /** {@code GET /api/documents/track?sender=000.00.00.G22&documentId=…} */
    @GetMapping("/track")
    public DocumentTimeline track(@RequestParam String sender, @RequestParam String documentId) {
        return tracking.document(sender, documentId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "NOT_FOUND", "documentId", "known-document",
                "no document " + documentId + " from " + sender + " passed through this bus",
                "Không có văn bản " + documentId + " của cơ quan " + sender + " đi qua trục này."));
    }

    /**
     * {@code GET /api/documents?agency=…&direction=INCOMING&from=2026-12-01&to=2026-12-02&state=DELIVERED&q=125/STC&limit=100};
     * {@code q} is found in the DocumentId (number/notation) or the subject, ignoring case.
     */
    @GetMapping
    public List<DocumentSummary> list(@RequestParam(required = false) String agency,
                                      @RequestParam(required = false) String direction,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String state,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) Integer limit) {
        String dir = direction == null ? null : direction.toUpperCase(Locale.ROOT);
        if (dir != null && !DIRECTIONS.contains(dir)) {
            throw invalid("direction", "one-of", "direction must be INCOMING or OUTGOING, not '" + direction + "'",
                    "Chiều văn bản phải là INCOMING (đến) hoặc OUTGOING (đi).");
        }
        String st = state == null ? null : state.toUpperCase(Locale.ROOT);
        if (st != null && !STATES.contains(st)) {
            throw invalid("state", "one-of", "state must be one of " + STATES.stream().sorted().toList()
                    + ", not '" + state + "'", "Trạng thái không hợp lệ: " + state + ".");
        }
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw invalid("to", "after-from", "the period is empty: 'to' (" + to + ") is not after 'from' (" + from
                    + ")", "Khoảng thời gian rỗng: 'to' phải sau 'from'.");
        }
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw invalid("limit", "range", "limit must be between 1 and " + MAX_LIMIT + ", not " + n,
                    "Số văn bản tối đa phải từ 1 đến " + MAX_LIMIT + ".");
        }
        if (q != null && q.strip().length() > MAX_TEXT) {
            throw invalid("q", "length", "q must be at most " + MAX_TEXT + " characters, not " + q.strip().length(),
                    "Chuỗi tìm kiếm tối đa " + MAX_TEXT + " ký tự.");
        }
        return tracking.list(new DocumentTracking.Query(agency, dir, start, end, st, q, n));
    }

    /**
     * An instant ({@code 2026-12-01T08:00:00Z}) or a day ({@code 2026-12-01}, Việt Nam time); a day as
     * the end of a period includes that whole day.
     */
    private static Instant instant(String field, String value, boolean endOfPeriod) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfPeriod ? day.plusDays(1) : day).atStartOfDay(VIETNAM).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "format", field + " must be a date (yyyy-MM-dd) or an instant"
                    + " (yyyy-MM-ddTHH:mm:ssZ), not '" + value + "'",
                    "Thời điểm '" + value + "' không đúng định dạng (yyyy-MM-dd hoặc yyyy-MM-ddTHH:mm:ssZ).");
        }
    }

    private static ApiProblem invalid(String field, String rule, String message, String messageVi) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", field, rule, message, messageVi);
    }

}
