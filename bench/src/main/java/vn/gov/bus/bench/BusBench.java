package vn.gov.bus.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measurement harness behind {@code ./bus bench}: the raw durable-queue rate of the embedded
 * broker, the raw signature rates, the end-to-end rate and latency of the outgoing flow, and the
 * enterprise lookup rate cached and uncached, all in one run on this machine (or one part with
 * {@code --parts=}), then how close the bus comes to the broker's ceiling. A benchmark,
 * not a test: it prints what it measured and judges nothing.
 */
public final class BusBench {

    static final int SMALL_BODY = 1024;
    static final int LARGE_BODY = 64 * 1024;
    static final double TARGET_RATIO = 0.60;
    /** The audit log may cost at most 10 % of the end-to-end rate (issue 4). */
    static final double AUDIT_TARGET_RATIO = 0.90;

    private BusBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        quietLogging();
        if (List.of(args).contains("--help")) {
            System.out.println("./bus bench [--name=value ...]; " + BenchOptions.usage());
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bus bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // The journal syncs are measured on this file system: a tmpfs /tmp would make them free.
        Path workDir = Files.createTempDirectory("bus-bench-");
        int status = 0;
        try {
            run(options, workDir);
        } catch (Exception e) {
            System.err.println("bus bench: the run failed, no result");
            e.printStackTrace();
            status = 1;
        } finally {
            deleteRecursively(workDir);
        }
        // CXF and Artemis can leave non-daemon threads behind after their owners have stopped
        System.exit(status);
    }

    private static void run(BenchOptions options, Path workDir) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("bus bench — %s, %d cores, Java %s, max heap %d MB, work dir %s%n",
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), runtime.availableProcessors(),
                System.getProperty("java.version"), runtime.maxMemory() / (1024 * 1024), workDir);

        RawQueueRate.Result small = null;
        RawQueueRate.Result large = null;
        if (options.runs("queue")) {
            System.out.printf("%n[queue] raw durable queue: embedded Artemis, journal %s, buffer timeout %d µs, "
                            + "%d producer(s), persistent BytesMessage, commit per message, %d s after %d s warm-up%n",
                    RawQueueRate.journalType(), RawQueueRate.JOURNAL_BUFFER_TIMEOUT.toNanos() / 1000,
                    options.queueProducers(), options.queueSeconds().toSeconds(), options.queueWarmUp().toSeconds());
            RawQueueRate queue = new RawQueueRate(workDir, options.queueWarmUp(), options.queueSeconds(),
                    options.queueProducers());
            small = queue.run(SMALL_BODY);
            printQueue(small);
            large = queue.run(LARGE_BODY);
            printQueue(large);
        }

        SignatureRate.Result sign = null;
        SignatureRate.Result verify = null;
        if (options.runs("sign")) {
            byte[] pkg = BenchPackages.small();
            System.out.printf("%n[sign] XML-DSig, single thread, %d-byte package, %d s after 2 s warm-up%n",
                    pkg.length, options.signSeconds().toSeconds());
            SignatureRate signatures = new SignatureRate(workDir.resolve("pki"), Duration.ofSeconds(2),
                    options.signSeconds());
            sign = signatures.sign(pkg);
            System.out.printf("  sign   (parse + sign + serialise): %8.1f ops/s  (%d in %.1f s)%n",
                    sign.perSecond(), sign.operations(), sign.measured().toNanos() / 1e9);
            verify = signatures.verify(pkg);
            System.out.printf("  verify (parse + verify + PKIX):    %8.1f ops/s  (%d in %.1f s)%n",
                    verify.perSecond(), verify.operations(), verify.measured().toNanos() / 1e9);
        }

        EndToEndRate.Result e2e = null;
        List<EndToEndRate.Result> runs = new ArrayList<>();
        for (boolean audit : options.runs("outgoing") ? options.auditRuns() : List.<Boolean>of()) {
            System.out.printf("%n[outgoing] end to end, outgoing, audit log %s: %d local system(s) → hub SOAP → bus.outgoing"
                            + " → sign → bus.deliver.axis → axis simulator (HTTP); %d warm-up + %d measured packages, %s%n",
                    audit ? "ON" : "OFF", options.e2eSenders(), options.e2eWarmUp(), options.e2eDocuments(),
                    options.e2eRate() > 0 ? "offered at " + options.e2eRate() + " docs/s"
                            : "closed loop (next package as soon as the previous is accepted)");
            e2e = new EndToEndRate(workDir.resolve(audit ? "bus-data-audit" : "bus-data"),
                    options.e2eSenders(), options.e2eRate(), options.e2eTimeout(), audit)
                    .run(options.e2eWarmUp(), options.e2eDocuments());
            System.out.printf("  package %d bytes; delivered %d of %d (failed sends %d, duplicates at the axis %d)%n",
                    e2e.packageBytes(), e2e.arrived(), e2e.documents(), e2e.failedSends(), e2e.duplicates());
            System.out.printf("  accepted by the hub %.1f docs/s (SendDocument p50 %.1f ms); delivered %.1f docs/s%n",
                    e2e.acceptedPerSecond(), e2e.acceptP50Millis(), e2e.deliveredPerSecond());
            System.out.printf("  latency send → axis: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    e2e.p50Millis(), e2e.p99Millis(), e2e.maxMillis());
            System.out.printf("  deepest backlog while measuring: %s%n", e2e.deepestBacklog());
            System.out.printf("  process CPU %.1f ms per delivered document (load average %.1f)%n",
                    e2e.cpuMillisPerDocument(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            if (audit) {
                System.out.printf("  audit log: %s%n", e2e.auditStorage());
            }
            runs.add(e2e);
        }

        IncomingRate.Result in = null;
        if (options.runs("incoming")) {
            System.out.printf("%n[incoming] end to end, incoming: axis simulator inbox (HTTP) → poll, download, verify"
                            + " → bus.incoming → ack done → pending box → local system fetches and confirms (SOAP)"
                            + " → status 01 to the axis; %d warm-up + %d measured packages offered at once%n",
                    options.inWarmUp(), options.inDocuments());
            in = new IncomingRate(workDir.resolve("bus-incoming"), options.inTimeout())
                    .run(options.inWarmUp(), options.inDocuments());
            System.out.printf("  package %d bytes (signed); acknowledged done %d of %d, fetched by the local system"
                            + " %d (duplicates %d)%n", in.packageBytes(), in.acknowledgedDone(), in.documents(),
                    in.fetched(), in.duplicates());
            System.out.printf("  acknowledged done %.1f docs/s; fetched by the local system %.1f docs/s%n",
                    in.acknowledgedPerSecond(), in.fetchedPerSecond());
            System.out.printf("  time from the offer to the local system's fetch: p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms (all offered at once: includes waiting in the inbox)%n",
                    in.p50Millis(), in.p99Millis(), in.maxMillis());
        }

        RegistryLookupRate.Result lookups = null;
        if (options.runs("registry")) {
            System.out.printf("%n[registry] enterprise lookups: %d caller thread(s) → REST GET /api/v1/enterprises/{taxCode}"
                            + " → cache (H2) / registry simulator (SOAP); %d s uncached, then %d s cached%n",
                    options.registryThreads(), options.registrySeconds().toSeconds(),
                    options.registrySeconds().toSeconds());
            lookups = new RegistryLookupRate(workDir.resolve("registry-data"), options.registryThreads(),
                    options.registrySeconds()).run();
        }

        List<ReconciliationRate.Result> reconciliations = new ArrayList<>();
        if (options.runs("reconcile")) {
            for (String format : options.reconcileFormats()) {
                System.out.printf("%n[reconcile] %,d payments against a %s statement of as many lines, 5%% with a"
                        + " planted discrepancy: read both, match, write CSV + JSON reports, CMS-sign both%n",
                        options.reconcileLines(), format.equals("camt") ? "camt.053.001.02" : "CSV");
                ReconciliationRate.Result r = new ReconciliationRate(workDir.resolve("reconcile-" + format))
                        .run(options.reconcileLines(), format.equals("camt"));
                System.out.printf("  %,d statement lines (%,d MB), %,d payments: %.1f s (process CPU %.1f s), %,.0f lines/s,"
                                + " peak heap %d MB (max heap %d MB); %,d discrepancies, all planted found exactly: %s%n",
                        r.lines(), r.statementBytes() / (1024 * 1024), r.payments(), r.elapsed().toNanos() / 1e9,
                        r.cpu().toNanos() / 1e9,
                        r.linesPerSecond(), r.peakHeapBytes() / (1024 * 1024), runtime.maxMemory() / (1024 * 1024),
                        r.totals().discrepancyCount(), r.allPlantedFound());
                reconciliations.add(r);
            }
        }

        printSummary(small, large, sign, verify, e2e, in, lookups);
        for (ReconciliationRate.Result r : reconciliations) {
            System.out.printf("reconciliation, %s statement, %,d lines: %.1f s (target < 30 s), CPU %.1f s, peak heap %d MB,"
                            + " max heap %d MB (target < 512 MB)%n", r.format(), r.lines(), r.elapsed().toNanos() / 1e9,
                    r.cpu().toNanos() / 1e9, r.peakHeapBytes() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> cpuOff = new ArrayList<>();
        List<Double> cpuOn = new ArrayList<>();
        for (EndToEndRate.Result r : runs) {
            (r.audit() ? on : off).add(r.deliveredPerSecond());
            (r.audit() ? cpuOn : cpuOff).add(r.cpuMillisPerDocument());
        }
        if (!off.isEmpty() && !on.isEmpty()) {
            System.out.printf("end to end without the audit log: %s docs/s; with it: %s docs/s%n", rates(off), rates(on));
            double ratio = median(on) / median(off);
            System.out.printf("end to end with the audit log / without (medians): %.1f / %.1f docs/s = %.2f "
                    + "(target ≥ %.2f)%n", median(on), median(off), ratio, AUDIT_TARGET_RATIO);
            System.out.printf("end to end process CPU per document without the audit log: %s ms; with it: %s ms;"
                            + " without / with (medians): %.2f (target ≥ %.2f)%n", rates(cpuOff), rates(cpuOn),
                    median(cpuOff) / median(cpuOn), AUDIT_TARGET_RATIO);
        }
    }

    /**
     * Until the bus starts (and Spring Boot configures logging from its arguments), Logback runs
     * unconfigured, at DEBUG: Artemis's audit log alone would then write several lines per message
     * and slow the raw-queue run down.
     */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logback.getLogger("org.apache.activemq.audit").setLevel(Level.WARN);
        }
    }

    private static void printQueue(RawQueueRate.Result r) {
        System.out.printf("  %5d-byte body: %8.1f msg/s  (%d in %.1f s, journal %s)%n", r.bodyBytes(),
                r.perSecond(), r.messages(), r.measured().toNanos() / 1e9, r.journal());
    }

    private static void printSummary(RawQueueRate.Result small, RawQueueRate.Result large,
                                     SignatureRate.Result sign, SignatureRate.Result verify,
                                     EndToEndRate.Result e2e, IncomingRate.Result in,
                                     RegistryLookupRate.Result lookups) {
        List<String[]> rows = new ArrayList<>();
        if (small != null) {
            rows.add(new String[] {"raw queue, 1 KB, commit per message", "%.1f msg/s".formatted(small.perSecond()),
                    queueNote(small)});
            rows.add(new String[] {"raw queue, 64 KB, commit per message", "%.1f msg/s".formatted(large.perSecond()),
                    queueNote(large)});
        }
        if (sign != null) {
            rows.add(new String[] {"sign, %d B package, 1 thread".formatted(sign.packageBytes()),
                    "%.1f ops/s".formatted(sign.perSecond()), ""});
            rows.add(new String[] {"verify, %d B signed package, 1 thread".formatted(verify.packageBytes()),
                    "%.1f ops/s".formatted(verify.perSecond()), ""});
        }
        if (e2e != null) {
            rows.add(new String[] {"end to end outgoing, %d B package, %d senders".formatted(e2e.packageBytes(),
                    e2e.senders()), "%.1f docs/s".formatted(e2e.deliveredPerSecond()),
                    "p50 %.1f ms, p99 %.1f ms, %s".formatted(e2e.p50Millis(), e2e.p99Millis(),
                            e2e.offeredRate() > 0 ? "offered " + e2e.offeredRate() + " docs/s" : "closed loop")});
        }
        if (in != null) {
            rows.add(new String[] {"end to end incoming, %d B signed package".formatted(in.packageBytes()),
                    "%.1f docs/s".formatted(in.fetchedPerSecond()),
                    "axis → local system; acknowledged done %.1f docs/s".formatted(in.acknowledgedPerSecond())});
        }
        if (lookups != null) {
            for (RegistryLookupRate.Phase phase : List.of(lookups.uncached(), lookups.cached())) {
                rows.add(new String[] {"enterprise lookup, %s, %d threads".formatted(phase.name(), lookups.threads()),
                        "%.1f lookups/s".formatted(phase.perSecond()),
                        "p50 %.2f ms, p99 %.2f ms, registry asked %d×".formatted(phase.p50Millis(), phase.p99Millis(),
                                phase.registryRequests())});
            }
        }
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int w1 = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        System.out.println();
        System.out.println("summary");
        for (String[] r : rows) {
            System.out.printf("  %-" + w0 + "s  %" + w1 + "s  %s%n", r[0], r[1], r[2]);
        }
        if (e2e != null && small != null) {
            System.out.println();
            System.out.printf("ratio end-to-end / raw queue (1 KB, commit per message): %.2f%n",
                    e2e.deliveredPerSecond() / small.perSecond());
            System.out.printf("ratio end-to-end / raw queue (64 KB, commit per message): %.2f (target ≥ %.2f)%n",
                    e2e.deliveredPerSecond() / large.perSecond(), TARGET_RATIO);
        }
    }

    private static String rates(List<Double> rates) {
        return String.join(", ", rates.stream().map(r -> "%.1f".formatted(r)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String queueNote(RawQueueRate.Result r) {
        return "journal %s, %d producer%s".formatted(r.journal(), r.producers(), r.producers() == 1 ? "" : "s");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
