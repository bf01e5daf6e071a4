package vn.gov.bus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.bus.app.BusApplication;
import vn.gov.bus.connectors.registry.simulator.RegistrySimulator;

/**
 * Enterprise lookups as a calling system sees them: T threads call the bus's REST service
 * {@code GET /api/v1/enterprises/{taxCode}} (bearer token, JSON answer) on the whole bus started
 * in-process with its embedded registry simulator (SOAP over HTTP on its own port, 100,000
 * enterprises) and H2.
 * <ul>
 *   <li><b>uncached</b>: every lookup names a code not looked up before, so each is validated,
 *       missed in the cache, asked of the registry over SOAP, stored in the cache and audited;</li>
 *   <li><b>cached</b>: the same codes again, within the cache lifetime: validated, read from the
 *       cache table, audited; the registry is not asked (checked: its request count must not move).</li>
 * </ul>
 */
final class RegistryLookupRate {

    static final String TOKEN = "demo-token-mot-cua";

    record Phase(String name, int lookups, int failures, Duration measured, double p50Millis, double p99Millis,
                 long registryRequests) {
        double perSecond() {
            return lookups / (measured.toNanos() / 1e9);
        }
    }

    record Result(int threads, Phase uncached, Phase cached) {
    }

    private final Path dataDir;
    private final int threads;
    private final Duration seconds;

    RegistryLookupRate(Path dataDir, int threads, Duration seconds) {
        this.dataDir = dataDir;
        this.threads = threads;
        this.seconds = seconds;
    }

    Result run() throws Exception {
        String[] args = BenchBus.arguments(dataDir,
                "--bus.axis.poll-enabled=false",
                "--bus.directory.sync-enabled=false",
                "--bus.simulators.axis-directory-size=100",
                // the audit trail's log line per lookup: the bench measures lookups, not logging
                "--logging.level.bus.audit=WARN");
        try (ConfigurableApplicationContext bus = new SpringApplicationBuilder(BusApplication.class).run(args)) {
            RegistrySimulator registry = bus.getBean(RegistrySimulator.class);
            String base = "http://127.0.0.1:" + bus.getEnvironment().getRequiredProperty("local.server.port")
                    + "/api/v1/enterprises/";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                // warm-up: JIT, connection pools, the first inserts; codes from the top of the dataset
                int size = registry.dataset().size();
                timed(pool, http, base, registry, i -> registry.dataset().code(size - 1 - (i % 2_000)),
                        Duration.ofSeconds(2), 2_000, "warm-up");
                AtomicInteger next = new AtomicInteger();
                Phase uncached = timed(pool, http, base, registry, i -> registry.dataset().code(next.getAndIncrement()),
                        seconds, size - 2_000, "uncached");
                int looked = uncached.lookups() + uncached.failures();
                Phase cached = timed(pool, http, base, registry, i -> registry.dataset().code(i % looked),
                        seconds, Integer.MAX_VALUE, "cached");
                return new Result(threads, uncached, cached);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @FunctionalInterface
    private interface Codes {
        String code(int i);
    }

    private Phase timed(ExecutorService pool, HttpClient http, String base, RegistrySimulator registry, Codes codes,
                        Duration duration, int maxLookups, String name) throws Exception {
        long registryBefore = registry.requests();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    int i = issued.getAndIncrement();
                    if (i >= maxLookups) {
                        break;
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + codes.code(i)))
                            .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30)).build();
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        Duration measured = Duration.ofNanos(System.nanoTime() - start);
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        Phase phase = new Phase(name, sorted.length, failures.get(), measured, percentile(sorted, 0.50),
                percentile(sorted, 0.99), registry.requests() - registryBefore);
        if (!"warm-up".equals(name)) {
            System.out.printf("  %-8s %8.1f lookups/s  (%d in %.1f s, %d failed; p50 %.2f ms, p99 %.2f ms;"
                            + " registry asked %d times)%n", name, phase.perSecond(), phase.lookups(),
                    measured.toNanos() / 1e9, phase.failures(), phase.p50Millis(), phase.p99Millis(),
                    phase.registryRequests());
        }
        return phase;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

}
