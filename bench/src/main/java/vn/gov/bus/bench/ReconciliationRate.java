package vn.gov.bus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.gov.bus.connectors.feeds.BankCsvReader;
import vn.gov.bus.connectors.feeds.Camt053Reader;
import vn.gov.bus.connectors.feeds.DossierCodes;
import vn.gov.bus.connectors.feeds.PaymentCsvReader;
import vn.gov.bus.connectors.feeds.StatementReader;
import vn.gov.bus.connectors.feeds.simulator.FeedFileWriters;
import vn.gov.bus.connectors.feeds.simulator.FeedScenario;
import vn.gov.bus.core.pki.DevPki;
import vn.gov.bus.core.signing.DetachedCmsSigner;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.Reconciler;
import vn.gov.bus.reconciliation.ReconciliationRules;
import vn.gov.bus.reconciliation.ReconciliationTotals;
import vn.gov.bus.reconciliation.report.DiscrepancyReport;

/**
 * The reconciliation of one large day: a generated statement of N lines (CSV layout, or
 * camt.053) against N payments (the portal's CSV export), with discrepancies planted in 5 %
 * of the payments. Measured: reading both files, matching, writing the CSV and JSON reports
 * and their CMS signatures — what the bus does with a statement, minus the SFTP transfer and
 * the database. Also measured: the peak heap used while doing it.
 */
final class ReconciliationRate {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Duration WINDOW = Duration.ofHours(4);
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String ACCOUNT = "119000123456";
    /** one payment in 100 with a planted finding: 5 % of the day's payments are discrepancies */
    static final int STRIDE = 100;

    record Result(String format, long lines, long statementBytes, long payments, Duration elapsed, Duration cpu,
                  long peakHeapBytes,
                  ReconciliationTotals totals, boolean allPlantedFound, long reportRows) {
        double linesPerSecond() {
            return lines / (elapsed.toNanos() / 1e9);
        }
    }

    private final Path workDir;

    ReconciliationRate(Path workDir) {
        this.workDir = workDir;
    }

    Result run(int payments, boolean camt) throws IOException {
        Files.createDirectories(workDir);
        Path paymentsFile = workDir.resolve("payments.csv");
        Path statement = workDir.resolve(camt ? "statement.xml" : "statement.csv");
        Map<DiscrepancyKind, Long> planted = generate(payments, paymentsFile, statement, camt);
        DossierCodes codes = new DossierCodes(FeedScenario.dossierCodePattern());
        DetachedCmsSigner signer = new DetachedCmsSigner(DevPki.loadOrCreate(workDir.resolve("pki"),
                "Ủy ban nhân dân tỉnh Tây Ninh", "000.00.00.H53").key());

        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        List<Payment> due = new ArrayList<>();
        try (InputStream in = Files.newInputStream(paymentsFile); PaymentCsvReader reader = new PaymentCsvReader(in, codes)) {
            reader.forEachRemaining(due::add);
        }
        Path csv = workDir.resolve("report.csv");
        Path json = workDir.resolve("report.json");
        ReconciliationTotals totals;
        long rows;
        try (StatementReader entries = camt ? new Camt053Reader(statement, codes, ZONE)
                : new BankCsvReader(Files.newInputStream(statement), codes);
             OutputStream c = Files.newOutputStream(csv); OutputStream j = Files.newOutputStream(json)) {
            DiscrepancyReport report = new DiscrepancyReport(c, j, ACCOUNT, DAY, statement.getFileName().toString(),
                    Instant.now(), ZONE);
            totals = new Reconciler(new ReconciliationRules(WINDOW, ZONE, 1)).reconcile(due.iterator(), entries, report);
            report.finish(totals);
            rows = report.rows();
        }
        signer.sign(csv);
        signer.sign(json);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = Duration.ofNanos(cpuNanos() - cpuStart);
        long peak = peakHeap();
        boolean exact = true;
        for (DiscrepancyKind k : DiscrepancyKind.values()) {
            exact &= totals.count(k) == planted.get(k);
        }
        return new Result(camt ? "camt.053" : "CSV", totals.bankEntries(), Files.size(statement), totals.payments(), elapsed, cpu,
                peak, totals, exact, rows);
    }

    private static Map<DiscrepancyKind, Long> generate(int payments, Path paymentsFile, Path statement, boolean camt)
            throws IOException {
        try (OutputStream p = Files.newOutputStream(paymentsFile); OutputStream s = Files.newOutputStream(statement);
             FeedFileWriters.PaymentCsv pw = new FeedFileWriters.PaymentCsv(p, ZONE);
             FeedFileWriters.Camt053 cw = camt ? new FeedFileWriters.Camt053(s, ACCOUNT, DAY, "Vietcombank", ZONE) : null;
             FeedFileWriters.BankCsv bw = camt ? null : new FeedFileWriters.BankCsv(s, ACCOUNT, ZONE)) {
            return new FeedScenario(ACCOUNT, DAY, "000.05.H53", ZONE, WINDOW, STRIDE, 7).generate(payments, new FeedScenario.Sink() {
                @Override
                public void payment(Payment payment) {
                    pw.write(payment);
                }

                @Override
                public void entry(BankEntry entry) {
                    if (cw != null) {
                        cw.write(entry);
                    } else {
                        bw.write(entry);
                    }
                }
            });
        }
    }

    /** CPU time of the whole process (all threads, GC included): on a shared machine, wall time lies. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any one time. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
