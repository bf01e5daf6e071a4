package vn.gov.bus.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the harness, {@code --name=value}. The defaults keep one full run
 * within two to three minutes on a two-core machine.
 *
 * @param queueSeconds     measured duration of each raw-queue run (after {@link #queueWarmUp})
 * @param queueWarmUp      unmeasured sending before each raw-queue run
 * @param queueProducers   concurrent producers on the raw queue, each committing every message
 * @param signSeconds      measured duration of the sign run and of the verify run
 * @param e2eDocuments     packages measured end to end
 * @param e2eWarmUp        packages sent end to end before measuring
 * @param e2eSenders       concurrent local document systems sending
 * @param e2eRate          packages per second offered in total, or 0 for a closed loop (each sender
 *                         sends its next package as soon as the hub accepted the previous one)
 * @param e2eTimeout       how long to wait for the measured packages to reach the axis
 * @param inDocuments      packages measured through the incoming flow
 * @param inWarmUp         packages received through the incoming flow before measuring
 * @param inTimeout        how long to wait for the measured incoming packages to reach the local system
 * @param registrySeconds  measured duration of the uncached and of the cached enterprise-lookup run
 * @param registryThreads  concurrent callers of the enterprise lookup REST service
 * @param reconcileLines   payments (and about as many statement lines) of the reconciliation run
 * @param reconcileFormats statement layouts measured: csv, camt or both
 * @param e2eAudit         end-to-end runs with the audit log {@code off}, {@code on}, or {@code both} (off, then on)
 * @param e2eRepeat        how many times the end-to-end runs are repeated (alternating off/on with {@code both}),
 *                         to see through the noise of a shared machine
 * @param parts            which measurements run: queue, sign, outgoing, incoming, registry, reconcile (default all)
 */
record BenchOptions(Duration queueSeconds, Duration queueWarmUp, int queueProducers, Duration signSeconds,
                    int e2eDocuments, int e2eWarmUp, int e2eSenders, int e2eRate, Duration e2eTimeout,
                    String e2eAudit, int e2eRepeat,
                    int inDocuments, int inWarmUp, Duration inTimeout,
                    Duration registrySeconds, int registryThreads,
                    int reconcileLines, Set<String> reconcileFormats, Set<String> parts) {

    static final Set<String> ALL_PARTS = Set.of("queue", "sign", "outgoing", "incoming", "registry", "reconcile");

    boolean runs(String part) {
        return parts.contains(part);
    }

    private static final Set<String> NAMES = Set.of("queue-seconds", "queue-warm-up-seconds", "queue-producers",
            "sign-seconds", "e2e-documents", "e2e-warm-up", "e2e-senders", "e2e-rate",
            "e2e-timeout-seconds", "e2e-audit", "e2e-repeat", "in-documents", "in-warm-up", "in-timeout-seconds",
            "registry-seconds", "registry-threads", "reconcile-lines", "reconcile-formats", "parts");

    static BenchOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("argument '" + arg + "' is not --name=value; " + usage());
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; " + usage());
            }
            values.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        return new BenchOptions(
                Duration.ofSeconds(positive(values, "queue-seconds", 5)),
                Duration.ofSeconds(positive(values, "queue-warm-up-seconds", 2)),
                positive(values, "queue-producers", 1),
                Duration.ofSeconds(positive(values, "sign-seconds", 5)),
                positive(values, "e2e-documents", 1000),
                positive(values, "e2e-warm-up", 200),
                positive(values, "e2e-senders", 4),
                whole(values, "e2e-rate", 0),
                Duration.ofSeconds(positive(values, "e2e-timeout-seconds", 180)),
                audit(values.getOrDefault("e2e-audit", "both")),
                positive(values, "e2e-repeat", 1),
                positive(values, "in-documents", 500),
                positive(values, "in-warm-up", 50),
                Duration.ofSeconds(positive(values, "in-timeout-seconds", 180)),
                Duration.ofSeconds(positive(values, "registry-seconds", 10)),
                positive(values, "registry-threads", 4),
                positive(values, "reconcile-lines", 1_000_000),
                choice(values, "reconcile-formats", "csv,camt", Set.of("csv", "camt")),
                choice(values, "parts", String.join(",", ALL_PARTS), ALL_PARTS));
    }

    static String usage() {
        return "options: --queue-seconds=5 --queue-warm-up-seconds=2 --queue-producers=1 --sign-seconds=5 "
                + "--e2e-documents=1000 --e2e-warm-up=200 --e2e-senders=4 --e2e-rate=0 (closed loop) --e2e-timeout-seconds=180 --e2e-audit=both|on|off --e2e-repeat=1 "
                + "--in-documents=500 --in-warm-up=50 --in-timeout-seconds=180 --registry-seconds=10 --registry-threads=4 --reconcile-lines=1000000 --reconcile-formats=csv,camt "
                + "--parts=queue,sign,outgoing,incoming,registry,reconcile (default: all)";
    }

    private static Set<String> choice(Map<String, String> values, String name, String fallback, Set<String> allowed) {
        Set<String> chosen = new java.util.TreeSet<>();
        for (String part : values.getOrDefault(name, fallback).split(",")) {
            String p = part.strip();
            if (!allowed.contains(p)) {
                throw new IllegalArgumentException("--" + name + " takes a comma-separated list of " + allowed + ", not '" + p + "'");
            }
            chosen.add(p);
        }
        return Set.copyOf(chosen);
    }

    /** The audit settings of the end-to-end runs: true = log on. */
    java.util.List<Boolean> auditRuns() {
        java.util.List<Boolean> once = switch (e2eAudit) {
            case "on" -> java.util.List.of(true);
            case "off" -> java.util.List.of(false);
            default -> java.util.List.of(false, true);
        };
        java.util.List<Boolean> runs = new java.util.ArrayList<>();
        for (int i = 0; i < e2eRepeat; i++) {
            runs.addAll(once);
        }
        return runs;
    }

    private static String audit(String raw) {
        if (!Set.of("both", "on", "off").contains(raw)) {
            throw new IllegalArgumentException("--e2e-audit must be both, on or off, was '" + raw + "'");
        }
        return raw;
    }

    private static int positive(Map<String, String> values, String name, int fallback) {
        return number(values, name, fallback, 1);
    }

    private static int whole(Map<String, String> values, String name, int fallback) {
        return number(values, name, fallback, 0);
    }

    private static int number(Map<String, String> values, String name, int fallback, int min) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number ≥ " + min + ", was '" + raw + "'");
    }
}
