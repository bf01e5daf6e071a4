package vn.gov.bus.app.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.bus.app.statistics.DocumentStatistics;
import vn.gov.bus.app.statistics.StatisticsCsv;
import vn.gov.bus.app.statistics.StatisticsPeriod;
import vn.gov.bus.app.statistics.StatisticsProperties;
import vn.gov.bus.app.statistics.StatisticsQuery;
import vn.gov.bus.app.statistics.StatisticsReport;
import vn.gov.bus.app.statistics.StatisticsXlsx;

/**
 * Documents per agency and period (sent, received, pending, rejected, handled, handled on time,
 * withdrawn) as JSON, CSV or XLSX. Read-only; the definitions are in docs/observability.md.
 */
@RestController
@RequestMapping("/api/admin/statistics")
public class StatisticsController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DocumentStatistics statistics;
    private final StatisticsProperties settings;
    private final Clock clock;

    public StatisticsController(DocumentStatistics statistics, StatisticsProperties settings, Clock clock) {
        this.statistics = statistics;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code GET /api/admin/statistics?from=2026-11-01&to=2026-11-30&agency=000.00.01.H53&period=month&format=json} */
    @GetMapping
    public ResponseEntity<?> statistics(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String agency,
                                        @RequestParam(required = false) String period,
                                        @RequestParam(required = false) String format) {
        String fmt = format == null || format.isBlank() ? "json" : format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("csv") && !fmt.equals("xlsx")) {
            throw invalid("format", "one-of", "format must be json, csv or xlsx, not '" + format + "'",
                    "Định dạng phải là json, csv hoặc xlsx.");
        }
        StatisticsPeriod p = period == null || period.isBlank() ? StatisticsPeriod.MONTH
                : StatisticsPeriod.parse(period).orElseThrow(() -> invalid("period", "one-of",
                "period must be day, month, quarter or year, not '" + period + "'",
                "Kỳ thống kê phải là day (ngày), month (tháng), quarter (quý) hoặc year (năm)."));
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate end = day("to", to, today);
        LocalDate start = day("from", from, end.withDayOfMonth(1));
        if (start.isAfter(end)) {
            throw invalid("to", "not-before-from", "'to' (" + end + ") is before 'from' (" + start + ")",
                    "Ngày kết thúc (" + end + ") trước ngày bắt đầu (" + start + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > settings.maxDays()) {
            throw invalid("to", "max-days", "the period from " + start + " to " + end + " is longer than "
                    + settings.maxDays() + " days (bus.statistics.max-days)",
                    "Khoảng thời gian dài quá " + settings.maxDays() + " ngày.");
        }
        String organ = agency == null || agency.isBlank() ? null : agency.strip();
        if (organ != null && !statistics.knowsAgency(organ)) {
            throw invalid("agency", "known-agency", "no agency " + organ + " in the directory",
                    "Không có cơ quan mã định danh " + organ + " trong danh bạ.");
        }
        StatisticsReport report = statistics.report(new StatisticsQuery(start, end, organ, p, settings.zone()));
        return switch (fmt) {
            case "csv" -> file(StatisticsCsv.write(report), new MediaType("text", "csv", StandardCharsets.UTF_8),
                    name(report, "csv"));
            case "xlsx" -> file(StatisticsXlsx.write(report), XLSX, name(report, "xlsx"));
            default -> ResponseEntity.ok(report);
        };
    }

    private static String name(StatisticsReport r, String extension) {
        return "thong-ke-" + r.from() + "-" + r.to() + (r.agency() == null ? "" : "-" + r.agency()) + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(bytes);
    }

    private static LocalDate day(String field, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "format", field + " must be a day (yyyy-MM-dd), not '" + value + "'",
                    "Ngày '" + value + "' không đúng định dạng yyyy-MM-dd.");
        }
    }

    private static ApiProblem invalid(String field, String rule, String message, String messageVi) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", field, rule, message, messageVi);
    }

}
