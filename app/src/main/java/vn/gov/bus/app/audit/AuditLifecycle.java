package vn.gov.bus.app.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.gov.bus.core.audit.AuditCheckpoints;
import vn.gov.bus.core.audit.AuditRetention;
import vn.gov.bus.core.audit.AuditWriter;

/**
 * Runs checkpoints (and retention) on their intervals, and at shutdown writes what is queued and a
 * last checkpoint. Its phase is the lowest, so it stops after the routes, the JMS listeners and
 * the web server: their last records are in the chain the final checkpoint signs. With several
 * nodes the periodic checkpoints and retention run on the leader only (docs/production.md); any
 * node still signs the head it committed last when it stops.
 */
public class AuditLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditLifecycle.class);

    private final AuditWriter writer;
    private final AuditCheckpoints checkpoints;
    private final AuditRetention retention;
    private final Duration checkpointInterval;
    private final Duration retentionInterval;
    private final BooleanSupplier periodicTasksHere;
    private ScheduledExecutorService timer;

    /** @param retentionInterval null when payloads are kept forever */
    public AuditLifecycle(AuditWriter writer, AuditCheckpoints checkpoints, AuditRetention retention,
                          Duration checkpointInterval, Duration retentionInterval) {
        this(writer, checkpoints, retention, checkpointInterval, retentionInterval, () -> true);
    }

    /** @param periodicTasksHere whether this node runs the periodic checkpoints and retention now (the leader) */
    public AuditLifecycle(AuditWriter writer, AuditCheckpoints checkpoints, AuditRetention retention,
                          Duration checkpointInterval, Duration retentionInterval, BooleanSupplier periodicTasksHere) {
        this.periodicTasksHere = periodicTasksHere;
        this.writer = writer;
        this.checkpoints = checkpoints;
        this.retention = retention;
        this.checkpointInterval = checkpointInterval;
        this.retentionInterval = retentionInterval;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long every = checkpointInterval.toMillis();
        timer.scheduleWithFixedDelay(() -> onLeader("checkpoint", checkpoints::checkpoint), every, every,
                TimeUnit.MILLISECONDS);
        if (retentionInterval != null) {
            timer.scheduleWithFixedDelay(() -> onLeader("retention", retention::prune), retentionInterval.toMillis(),
                    retentionInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onLeader(String what, Runnable task) {
        if (periodicTasksHere.getAsBoolean()) {
            guarded(what, task);
        }
    }

    /** A failed checkpoint (database down) is retried at the next interval; it must not end the timer. */
    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("audit {} failed; next attempt at the next interval: {}", what, e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
        writer.close();
        guarded("final checkpoint", checkpoints::checkpoint);
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
