package vn.gov.bus.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.bus.app.BusApplication;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.connectors.axis.simulator.ReceivedPackage;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;

/**
 * The outgoing flow as a local document system sees it: K systems send packages to the
 * Government Office over the hub's SOAP service, and each package counts when the axis simulator
 * (a real HTTP server) has it. Latency runs from just before the SOAP call to the simulator's
 * arrival time; both clocks are this JVM's wall clock.
 *
 * <p>By default the senders are a closed loop: each sends its next package as soon as the hub has
 * accepted the previous one (on the durable queue). When the hub accepts faster than the bus
 * delivers, a backlog builds on the queues and the latency includes the time spent waiting in it;
 * the deepest backlog seen on each queue is reported to show which stage is the slow one. With a
 * fixed offered rate below what the bus sustains, the latency is that of an unloaded path.
 */
final class EndToEndRate {

    static final String OFFICE_TOKEN = "demo-token-van-phong";
    private static final List<String> QUEUES = List.of("bus.outgoing", "bus.deliver.axis");

    record Result(boolean audit, int documents, int senders, int offeredRate, int packageBytes, int arrived, int failedSends, long duplicates,
                  double acceptedPerSecond, double deliveredPerSecond, double p50Millis, double p99Millis,
                  double maxMillis, double acceptP50Millis, Map<String, Long> deepestBacklog, double cpuMillisPerDocument,
                  String auditStorage) {
    }

    private final Path dataDir;
    private final int senders;
    private final int offeredRate;
    private final Duration timeout;
    private final boolean audit;

    /**
     * @param offeredRate packages per second in total, 0 for a closed loop
     * @param audit       whether the bus runs with its audit log (bus.audit.enabled)
     */
    EndToEndRate(Path dataDir, int senders, int offeredRate, Duration timeout, boolean audit) {
        this.audit = audit;
        this.dataDir = dataDir;
        this.senders = senders;
        this.offeredRate = offeredRate;
        this.timeout = timeout;
    }

    Result run(int warmUp, int documents) throws Exception {
        String[] args = BenchBus.arguments(dataDir,
                "--bus.simulators.axis-directory-size=1000",
                "--bus.audit.enabled=" + audit);
        BenchPackages.Template template = BenchPackages.largeTemplate();
        try (ConfigurableApplicationContext bus = new SpringApplicationBuilder(BusApplication.class).run(args)) {
            AxisSimulator axis = bus.getBean(AxisSimulator.class);
            EmbeddedActiveMQ broker = bus.getBean(EmbeddedActiveMQ.class);
            URI hub = URI.create("http://127.0.0.1:" + bus.getEnvironment().getRequiredProperty("local.server.port")
                    + "/services/hub");
            List<LocalDocumentSystemSimulator> systems = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                for (int i = 0; i < senders; i++) {
                    systems.add(new LocalDocumentSystemSimulator(hub, BenchPackages.OFFICE, OFFICE_TOKEN));
                }
                Phase warm = new Phase(template, warmUp);
                warm.send(pool, systems);
                warm.awaitArrival(axis);
                System.out.printf("  warm-up: %d packages delivered%n", warm.arrivedCount(axis));

                Phase measured = new Phase(template, documents);
                BacklogSampler backlog = new BacklogSampler(broker);
                backlog.start();
                // on a CPU-bound machine shared with other builds, CPU per document is the measure that
                // survives the load: the wall-clock rate varies with what else runs, the work does not
                long cpuBefore = processCpuNanos();
                long cpuAfter;
                try {
                    measured.send(pool, systems);
                    measured.awaitArrival(axis);
                } finally {
                    cpuAfter = processCpuNanos();
                    backlog.stop();
                }
                Result r = measured.result(axis, template.size(), backlog.deepest(), cpuAfter - cpuBefore);
                return new Result(r.audit(), r.documents(), r.senders(), r.offeredRate(), r.packageBytes(), r.arrived(),
                        r.failedSends(), r.duplicates(), r.acceptedPerSecond(), r.deliveredPerSecond(), r.p50Millis(),
                        r.p99Millis(), r.maxMillis(), r.acceptP50Millis(), r.deepestBacklog(), r.cpuMillisPerDocument(),
                        audit ? auditStorage(bus, warmUp + documents) : "");
            } finally {
                pool.shutdownNow();
                systems.forEach(LocalDocumentSystemSimulator::close);
            }
        }
    }

    /** One batch of packages with unique DocumentIds, sent by all senders sharing the work. */
    private final class Phase {
        private final String[] documentIds;
        private final byte[][] packages;
        private final Instant[] sentAt;
        private final Instant[] acceptedAt;
        private final AtomicInteger failed = new AtomicInteger();
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();

        Phase(BenchPackages.Template template, int count) {
            documentIds = new String[count];
            packages = new byte[count][];
            sentAt = new Instant[count];
            acceptedAt = new Instant[count];
            for (int i = 0; i < count; i++) {
                documentIds[i] = UUID.randomUUID().toString();
                packages[i] = template.withDocumentId(documentIds[i]);
            }
        }

        void send(ExecutorService pool, List<LocalDocumentSystemSimulator> systems) throws Exception {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (LocalDocumentSystemSimulator system : systems) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < packages.length; i = next.getAndIncrement()) {
                        if (offeredRate > 0) {
                            waitUntil(start + (long) (i * 1e9 / offeredRate));
                        }
                        sentAt[i] = Instant.now();
                        try {
                            system.send(packages[i]);
                            acceptedAt[i] = Instant.now();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                        }
                        packages[i] = null;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            if (!failures.isEmpty()) {
                System.out.println("  refused or failed sends: " + failures);
            }
        }

        /** Polls, without holding the simulator's lock long: only the list of references is copied. */
        void awaitArrival(AxisSimulator axis) throws InterruptedException {
            int expected = documentIds.length - failed.get();
            long deadline = System.nanoTime() + timeout.toNanos();
            int arrived;
            while ((arrived = arrivedCount(axis)) < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (arrived < expected) {
                System.out.printf("  gave up waiting after %d s: %d of %d accepted packages reached the axis%n",
                        timeout.toSeconds(), arrived, expected);
            }
        }

        int arrivedCount(AxisSimulator axis) {
            Map<String, Instant> arrivals = arrivals(axis);
            int n = 0;
            for (String id : documentIds) {
                if (arrivals.containsKey(id)) {
                    n++;
                }
            }
            return n;
        }

        Result result(AxisSimulator axis, int packageBytes, Map<String, Long> deepestBacklog, long cpuNanos) {
            List<ReceivedPackage> received = axis.received();
            Map<String, Instant> arrivals = new HashMap<>();
            Map<String, Integer> copies = new HashMap<>();
            for (ReceivedPackage p : received) {
                arrivals.putIfAbsent(p.documentId(), p.receivedAt());
                copies.merge(p.documentId(), 1, Integer::sum);
            }
            Instant first = Arrays.stream(sentAt).filter(Objects::nonNull).min(Instant::compareTo)
                    .orElseThrow();
            Instant lastAccepted = first;
            Instant lastArrival = first;
            List<Double> latencies = new ArrayList<>();
            List<Double> acceptLatencies = new ArrayList<>();
            long duplicates = 0;
            for (int i = 0; i < documentIds.length; i++) {
                if (acceptedAt[i] != null) {
                    acceptLatencies.add(millisBetween(sentAt[i], acceptedAt[i]));
                    lastAccepted = max(lastAccepted, acceptedAt[i]);
                }
                Instant arrived = arrivals.get(documentIds[i]);
                if (arrived != null) {
                    latencies.add(millisBetween(sentAt[i], arrived));
                    lastArrival = max(lastArrival, arrived);
                    duplicates += copies.get(documentIds[i]) - 1;
                }
            }
            int accepted = acceptLatencies.size();
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] acceptSorted = acceptLatencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(audit, documentIds.length, senders, offeredRate, packageBytes, sorted.length, failed.get(), duplicates,
                    accepted / seconds(first, lastAccepted), sorted.length / seconds(first, lastArrival),
                    percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
                    percentile(acceptSorted, 0.50), deepestBacklog,
                    sorted.length == 0 ? Double.NaN : cpuNanos / 1e6 / sorted.length, "");
        }
    }

    /** What the audit log stored for the run's packages: rows, and the audit database file per package. */
    private String auditStorage(ConfigurableApplicationContext bus, int packages) {
        vn.gov.bus.core.audit.AuditStore store = bus.getBean(vn.gov.bus.core.audit.AuditStore.class);
        java.io.File file = dataDir.resolve("db").resolve("audit.mv.db").toFile();
        return "%d records, %d payloads, %d segments; audit H2 file %.0f KB per package".formatted(store.head().seq(),
                store.payloadCount(), store.segmentCount(), file.length() / 1024.0 / packages);
    }

    /** CPU time of the whole process (bus, simulators and the load generator: they share the cores). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void waitUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static Map<String, Instant> arrivals(AxisSimulator axis) {
        Map<String, Instant> arrivals = new HashMap<>();
        for (ReceivedPackage p : axis.received()) {
            arrivals.putIfAbsent(p.documentId(), p.receivedAt());
        }
        return arrivals;
    }

    /** The deepest each queue got while measuring (messages waiting plus being delivered). */
    private static final class BacklogSampler {
        private final EmbeddedActiveMQ broker;
        private final Map<String, AtomicLong> deepest = new LinkedHashMap<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-backlog-sampler");
            t.setDaemon(true);
            return t;
        });

        BacklogSampler(EmbeddedActiveMQ broker) {
            this.broker = broker;
            QUEUES.forEach(q -> deepest.put(q, new AtomicLong()));
        }

        void start() {
            timer.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }

        private void sample() {
            for (String name : QUEUES) {
                Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(name));
                if (queue != null) {
                    deepest.get(name).accumulateAndGet(queue.getMessageCount(), Math::max);
                }
            }
        }

        Map<String, Long> deepest() {
            Map<String, Long> out = new LinkedHashMap<>();
            deepest.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
