package vn.gov.bus.app.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.store.ReconciliationStore;

/**
 * Read-only API over the reconciliations (docs/feeds.md): the runs per account and day, and the
 * findings of one run, pageable and filterable by kind.
 */
@RestController
@RequestMapping("/api/v1/reconciliations")
public class ReconciliationController {

    private static final int MAX_PAGE = 1000;

    private final ReconciliationStore store;

    public ReconciliationController(ReconciliationStore store) {
        this.store = store;
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(required = false) String account,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(defaultValue = "100") int limit) {
        LocalDate last = to == null ? LocalDate.of(9999, 12, 31) : to;
        LocalDate first = from == null ? LocalDate.of(1970, 1, 1) : from;
        return store.list(account, first, last, Math.min(Math.max(limit, 1), MAX_PAGE)).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable long id) {
        return store.find(id).map(this::view).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/discrepancies")
    public List<ReconciliationStore.StoredDiscrepancy> discrepancies(@PathVariable long id,
                                                                    @RequestParam(required = false) DiscrepancyKind kind,
                                                                    @RequestParam(defaultValue = "0") long offset,
                                                                    @RequestParam(defaultValue = "100") int limit) {
        store.find(id).orElseThrow(() -> notFound(id));
        return store.discrepancies(id, kind, Math.max(offset, 0), Math.min(Math.max(limit, 1), MAX_PAGE));
    }

    private Map<String, Object> view(ReconciliationStore.Run run) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", run.id());
        v.put("account", run.account());
        v.put("day", run.day().toString());
        v.put("statementFile", run.statementFile());
        v.put("reportName", run.reportName());
        v.put("bankEntries", run.totals().bankEntries());
        v.put("ignoredEntries", run.totals().ignoredEntries());
        v.put("payments", run.totals().payments());
        v.put("matched", run.totals().matched());
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (DiscrepancyKind k : DiscrepancyKind.values()) {
            kinds.put(k.name(), run.totals().count(k));
        }
        v.put("discrepancies", kinds);
        v.put("bankCredited", run.totals().bankCredited());
        v.put("paid", run.totals().paid());
        v.put("createdAt", String.valueOf(run.createdAt()));
        v.put("publishedAt", run.publishedAt() == null ? null : run.publishedAt().toString());
        v.put("mailedAt", run.mailedAt() == null ? null : run.mailedAt().toString());
        return v;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no reconciliation " + id);
    }
}
