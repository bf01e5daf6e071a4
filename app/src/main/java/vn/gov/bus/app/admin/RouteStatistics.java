package vn.gov.bus.app.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Per-route exchange counters taken from Camel's own events. Camel's JMX statistics (camel-management)
 * are not on the class path and would make every start slower, so the bus counts the exchanges each
 * route's consumer created: total, failed, in flight, processing times, the last failure, and a
 * per-minute throughput over the last {@value #WINDOW_MINUTES} minutes. Counts start at zero at each
 * start of the bus.
 */
public class RouteStatistics extends EventNotifierSupport {

    static final int WINDOW_MINUTES = 5;

    private final Map<String, Counters> routes = new ConcurrentHashMap<>();
    private final Clock clock;

    public RouteStatistics(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
    }

    /** What the admin API shows of one route. */
    public record Snapshot(long total, long failed, long inflight, double throughputPerMinute,
                           Long meanProcessingMillis, Long maxProcessingMillis, LastError lastError) {
    }

    public record LastError(Instant at, String message) {
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeCreatedEvent created) {
            counters(created.getExchange()).ifPresent(c -> c.inflight.incrementAndGet());
        } else if (event instanceof ExchangeFailedEvent failed) {
            finish(failed.getExchange(), true);
        } else if (event instanceof ExchangeCompletedEvent completed) {
            finish(completed.getExchange(), completed.getExchange().isFailed());
        }
    }

    private void finish(Exchange exchange, boolean failed) {
        counters(exchange).ifPresent(c -> {
            c.inflight.updateAndGet(n -> Math.max(0, n - 1));
            c.total.increment();
            long elapsed = exchange.getClock().elapsed();
            c.processingMillis.add(elapsed);
            c.maxMillis.accumulateAndGet(elapsed, Math::max);
            c.tick(clock.millis());
            if (failed) {
                c.failed.increment();
                Exception e = exchange.getException();
                String message = e == null ? "failed" : e.getClass().getSimpleName() + ": " + e.getMessage();
                c.lastError.set(new LastError(clock.instant(), cut(message, 500)));
            }
        });
    }

    private java.util.Optional<Counters> counters(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        return routeId == null ? java.util.Optional.empty()
                : java.util.Optional.of(routes.computeIfAbsent(routeId, id -> new Counters()));
    }

    public Snapshot of(String routeId) {
        Counters c = routes.get(routeId);
        if (c == null) {
            return new Snapshot(0, 0, 0, 0, null, null, null);
        }
        long total = c.total.sum();
        return new Snapshot(total, c.failed.sum(), c.inflight.get(),
                c.perMinute(clock.millis()),
                total == 0 ? null : c.processingMillis.sum() / total,
                total == 0 ? null : c.maxMillis.get(),
                c.lastError.get());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** One route's counters; the throughput window is a ring of one-minute buckets. */
    private static final class Counters {
        final LongAdder total = new LongAdder();
        final LongAdder failed = new LongAdder();
        final AtomicLong inflight = new AtomicLong();
        final LongAdder processingMillis = new LongAdder();
        final AtomicLong maxMillis = new AtomicLong();
        final AtomicReference<LastError> lastError = new AtomicReference<>();
        final AtomicLongArray bucketMinute = new AtomicLongArray(WINDOW_MINUTES + 1);
        final AtomicLongArray bucketCount = new AtomicLongArray(WINDOW_MINUTES + 1);

        synchronized void tick(long nowMillis) {
            long minute = nowMillis / Duration.ofMinutes(1).toMillis();
            int slot = (int) (minute % bucketMinute.length());
            if (bucketMinute.get(slot) != minute) {
                bucketMinute.set(slot, minute);
                bucketCount.set(slot, 0);
            }
            bucketCount.incrementAndGet(slot);
        }

        /** Exchanges per minute over the last complete minutes of the window and the current one. */
        synchronized double perMinute(long nowMillis) {
            long minute = nowMillis / Duration.ofMinutes(1).toMillis();
            long sum = 0;
            for (int i = 0; i < bucketMinute.length(); i++) {
                long age = minute - bucketMinute.get(i);
                if (age >= 0 && age < WINDOW_MINUTES) {
                    sum += bucketCount.get(i);
                }
            }
            return Math.round(sum * 100.0 / WINDOW_MINUTES) / 100.0;
        }
    }
}
