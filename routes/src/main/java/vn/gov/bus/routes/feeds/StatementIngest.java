package vn.gov.bus.routes.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import vn.gov.bus.connectors.feeds.BankCsvReader;
import vn.gov.bus.connectors.feeds.Camt053Reader;
import vn.gov.bus.connectors.feeds.DossierCodes;
import vn.gov.bus.connectors.feeds.FeedRejectedException;
import vn.gov.bus.connectors.feeds.StatementReader;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.signing.DetachedCmsSigner;
import vn.gov.bus.reconciliation.CompositeListener;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.Reconciler;
import vn.gov.bus.reconciliation.ReconciliationRules;
import vn.gov.bus.reconciliation.ReconciliationTotals;
import vn.gov.bus.reconciliation.report.DiscrepancyReport;
import vn.gov.bus.reconciliation.store.PaymentStore;
import vn.gov.bus.reconciliation.store.ReconciliationStore;
import vn.gov.bus.reconciliation.store.TaxNoticeStore;

/**
 * A bank statement arrived: reconcile it with the unsettled payments of its account and day, and
 * write the signed report (CSV, JSON, a detached CMS signature of each) into the reports folder.
 * The run, its findings and the settled payments are stored in the file's transaction; report
 * files of a run that rolls back are deleted. Publication (SFTP, mail) is the publisher's job,
 * from the stored runs, so a partner being down never blocks a statement.
 */
public class StatementIngest implements FeedHandler {

    private final PaymentStore payments;
    private final ReconciliationStore runs;
    private final TaxNoticeStore taxNotices;
    private final ReconciliationRules rules;
    private final DossierCodes dossierCodes;
    private final DetachedCmsSigner signer;
    private final Path reportsDir;
    private final AuditTrail audit;
    private final Clock clock;

    public StatementIngest(PaymentStore payments, ReconciliationStore runs, TaxNoticeStore taxNotices,
                           ReconciliationRules rules, DossierCodes dossierCodes, DetachedCmsSigner signer, Path reportsDir,
                           AuditTrail audit, Clock clock) {
        this.payments = payments;
        this.runs = runs;
        this.taxNotices = taxNotices;
        this.rules = rules;
        this.dossierCodes = dossierCodes;
        this.signer = signer;
        this.reportsDir = reportsDir;
        this.audit = audit;
        this.clock = clock;
    }

    /** The four files of a report in the reports folder: CSV, its signature, JSON, its signature. */
    public static List<String> reportFiles(String reportName) {
        return List.of(reportName + ".csv", reportName + ".csv.p7s", reportName + ".json", reportName + ".json.p7s");
    }

    @Override
    public String handle(FeedFile file) throws IOException {
        Files.createDirectories(reportsDir);
        try (StatementReader statement = open(file)) {
            String account = statement.account();
            java.time.LocalDate day = statement.day();
            List<Payment> due = payments.unsettled(account, day, rules.lookbackDays());
            String reportName = "doi-soat_%s_%s_%d".formatted(account, day.toString().replace("-", ""), file.id());
            long runId = runs.open(account, day, file.id(), reportName);
            Path csv = reportsDir.resolve(reportName + ".csv");
            Path json = reportsDir.resolve(reportName + ".json");
            boolean done = false;
            try {
                ReconciliationStore.Recorder recorder = runs.recorder(runId);
                TaxNoticeStore.Settler settler = taxNotices.settler(account);
                ReconciliationTotals totals;
                try (OutputStream c = Files.newOutputStream(csv); OutputStream j = Files.newOutputStream(json)) {
                    DiscrepancyReport report = new DiscrepancyReport(c, j, account, day, file.name(), clock.instant(),
                            rules.zone());
                    totals = new Reconciler(rules).reconcile(due.iterator(), statement,
                            new CompositeListener(report, recorder, settler));
                    report.finish(totals);
                }
                recorder.flush();
                runs.close(runId, totals);
                payments.settle(runId, recorder.settledPayments());
                settler.flush();
                Files.write(reportsDir.resolve(reportName + ".csv.p7s"), signer.sign(csv));
                Files.write(reportsDir.resolve(reportName + ".json.p7s"), signer.sign(json));
                done = true;
                audit.record(AuditEvent.of(AuditStep.RECONCILED)
                        .outcome(totals.discrepancyCount() == 0 ? AuditOutcome.OK : AuditOutcome.WARNING)
                        .messageId("reconciliation/" + runId).routeId("feeds-bank-statements")
                        .detail("%s %s: %d entries, %d payments, %d matched, %s".formatted(account, day,
                                totals.bankEntries(), totals.payments(), totals.matched(), counts(totals))).build());
                return "run %d, account %s, day %s, %d entries, %d discrepancies, %d tax notices settled".formatted(runId,
                        account, day, totals.bankEntries(), totals.discrepancyCount(), settler.count());
            } finally {
                if (!done) {
                    for (String f : reportFiles(reportName)) {
                        Files.deleteIfExists(reportsDir.resolve(f));
                    }
                }
            }
        }
    }

    static String counts(ReconciliationTotals totals) {
        StringBuilder s = new StringBuilder();
        for (DiscrepancyKind k : DiscrepancyKind.values()) {
            s.append(s.isEmpty() ? "" : ", ").append(k.name()).append('=').append(totals.count(k));
        }
        return s.toString();
    }

    private StatementReader open(FeedFile file) {
        String lower = file.name().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml")) {
            return new Camt053Reader(file.local(), dossierCodes, rules.zone());
        }
        if (lower.endsWith(".csv")) {
            try {
                InputStream in = Files.newInputStream(file.local());
                return new BankCsvReader(in, dossierCodes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new FeedRejectedException("FORMAT", "Sao kê phải là .xml (camt.053) hoặc .csv / a statement must be .xml"
                + " (camt.053) or .csv: " + file.name());
    }
}
