package vn.gov.bus.core.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.audit.verifier.Digests;

/**
 * The audit trail of the message path: one writer thread appends records in batches (group
 * commit), in the order they were handed over. {@link #record} hands an event over and waits until
 * the batch holding it is committed (and with it everything handed over earlier), so a record the
 * caller went on from survives a crash; {@link #handOver} returns at once (the queue consumers'
 * choice, see docs/auditing.md "Durability"). Many callers share one commit, so a wait is about
 * one transaction, not one per record.
 *
 * <p>If the database does not commit within {@code commitWait} (it is down, or very slow), the
 * caller goes on and the record stays queued in memory, written in order once the database is
 * back: the message path is not stopped by the audit log, and the records at risk are those of
 * that window only (logged as a warning per caller). A full queue makes callers wait up to
 * {@code commitWait} for space; a record that still finds none is logged at ERROR, whole, as the
 * last resort.
 */
public final class AuditWriter implements AuditTrail, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final Duration TOUCH_INTERVAL = Duration.ofHours(1);

    /** @param encoded the payload compressed by the caller, or null (known payload, or none) */
    private record Pending(AuditEvent event, String payloadSha256, PayloadCodec.Encoded encoded,
                           CompletableFuture<Long> committed) {
    }

    private final AuditStore store;
    private final Clock clock;
    private final Duration commitWait;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    /** Payloads this writer stored or marked used recently: not touched again within the hour. */
    private final Map<String, Instant> recentPayloads = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > 10_000;
        }
    };
    private final java.util.WeakHashMap<byte[], String> digests = new java.util.WeakHashMap<>();
    /** Digests of payloads stored or handed over to be: callers need not compress them again. */
    private final java.util.Set<String> storedDigests = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;
    private volatile boolean stopping;
    private volatile boolean clearPayloadCache;
    private AuditStore.Head head;

    public AuditWriter(AuditStore store, Clock clock, Duration commitWait, int queueCapacity, int maxBatch) {
        this.store = store;
        this.clock = clock;
        this.commitWait = commitWait;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.head = store.head();
        this.thread = new Thread(this::run, "audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    @Override
    public void handOver(AuditEvent event) {
        enqueue(List.of(event), false);
    }

    /** Hands the records over in order and waits once, for the commit of the last one. */
    @Override
    public void recordAll(List<AuditEvent> events) {
        enqueue(events, true);
    }

    private void enqueue(List<AuditEvent> events, boolean waitForCommit) {
        if (events.isEmpty()) {
            return;
        }
        if (!accepting) {
            events.forEach(event -> log.error("audit record after the audit log was closed, not stored / bản ghi "
                    + "nhật ký sau khi đóng, không lưu: {}", describe(event)));
            return;
        }
        Pending last = null;
        long deadline = System.nanoTime() + commitWait.toNanos();
        try {
            for (AuditEvent event : events) {
                String digest = digestOf(event.payload());
                // compressed here, on the callers' threads, so that the one writer thread only inserts
                // the first caller with a new digest claims it; the writer compresses any it still lacks
                PayloadCodec.Encoded encoded = digest == null || !storedDigests.add(digest) ? null
                        : PayloadCodec.encode(event.payload());
                Pending pending = new Pending(event, digest, encoded, new CompletableFuture<>());
                if (!queue.offer(pending, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.error("audit queue full for {}: record NOT stored / hàng đợi nhật ký đầy, bản ghi KHÔNG được "
                            + "lưu: {}", commitWait, describe(event));
                    continue;
                }
                last = pending;
            }
            if (last != null && waitForCommit) {
                last.committed().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            log.warn("audit record(s) not committed within {}; they stay queued and are written when the database "
                    + "answers / bản ghi chưa được ghi, vẫn trong hàng đợi: {}", commitWait, describe(last.event()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("audit record refused: {}", e.getCause().getMessage());
        }
    }

    /**
     * SHA-256 of a payload, remembered per array: the message path hands the same byte array over
     * several times (received, accepted and queued are one array), and hashing 300 KB costs more
     * than the record. Arrays compare by identity, so a weak map keyed by them is an identity cache.
     */
    private String digestOf(byte[] payload) {
        if (payload == null) {
            return null;
        }
        synchronized (digests) {
            String known = digests.get(payload);
            if (known != null) {
                return known;
            }
        }
        String digest = Digests.sha256Hex(payload);
        synchronized (digests) {
            digests.put(payload, digest);
        }
        return digest;
    }

    /** The number of the last record this writer committed (other nodes may have appended since). */
    public synchronized long committedSeq() {
        return head.seq();
    }

    /** Called after retention deleted payloads: the next use of a digest must store it again. */
    public void forgetRecentPayloads() {
        clearPayloadCache = true;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        Duration backoff = Duration.ofMillis(50);
        while (!(stopping && queue.isEmpty() && batch.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                }
                write(batch);
                batch.clear();
                backoff = Duration.ofMillis(50);
            } catch (InterruptedException e) {
                stopping = true;
            } catch (RuntimeException e) {
                // the database refused the batch: keep it (same order) and try again, slower each time
                log.warn("audit log: cannot write {} record(s), retrying in {} ms: {}", batch.size(), backoff.toMillis(),
                        e.getMessage());
                if (stopping && backoff.compareTo(Duration.ofSeconds(5)) >= 0) {
                    batch.forEach(p -> log.error("audit record NOT stored at shutdown / KHÔNG được lưu: {}",
                            describe(p.event())));
                    batch.clear();
                    continue;
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    stopping = true;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private void write(List<Pending> batch) {
        if (clearPayloadCache) {
            clearPayloadCache = false;
            recentPayloads.clear();
            storedDigests.clear();
        }
        Instant touchedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, AuditStore.NewPayload> payloads = new LinkedHashMap<>();
        for (Pending p : batch) {
            if (p.payloadSha256() != null && !payloads.containsKey(p.payloadSha256())) {
                Instant touched = recentPayloads.get(p.payloadSha256());
                if (touched == null || touched.plus(TOUCH_INTERVAL).isBefore(touchedAt)) {
                    payloads.put(p.payloadSha256(), new AuditStore.NewPayload(p.payloadSha256(), p.event().payload(),
                            p.encoded()));
                }
            }
        }
        // numbered and hashed inside the store's transaction, on the head it locked: another node may
        // have appended since this writer's last batch
        List<AuditRecord> records = store.append(locked -> chain(batch, locked), new ArrayList<>(payloads.values()));
        payloads.keySet().forEach(d -> recentPayloads.put(d, touchedAt));
        if (storedDigests.size() > 10_000) {
            storedDigests.clear();
        }
        AuditRecord last = records.get(records.size() - 1);
        synchronized (this) {
            head = new AuditStore.Head(last.seq(), last.recordHash());
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).committed().complete(records.get(i).seq());
        }
    }

    private List<AuditRecord> chain(List<Pending> batch, AuditStore.Head head) {
        // the time is taken under the head lock, so that on one clock the times follow the seq
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = head.seq();
        String prev = head.hash();
        List<AuditRecord> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            AuditEvent e = p.event();
            seq++;
            AuditRecord unhashed = new AuditRecord(seq, now, e.step(), e.outcome(), cut(e.messageId(), 600),
                    cut(e.documentId(), 600), cut(e.correlationId(), 600), cut(e.routeId(), 128),
                    cut(e.senderId(), 600), cut(e.recipientId(), 600), cut(e.actor(), 600), cut(e.origin(), 600),
                    cut(e.detail(), 4000), p.payloadSha256(), prev, null);
            String hash = AuditRecord.hashOf(unhashed.fields(), prev);
            records.add(new AuditRecord(unhashed.seq(), now, unhashed.step(), unhashed.outcome(),
                    unhashed.messageId(), unhashed.documentId(), unhashed.correlationId(), unhashed.routeId(),
                    unhashed.senderId(), unhashed.recipientId(), unhashed.actor(), unhashed.origin(),
                    unhashed.detail(), unhashed.payloadSha256(), prev, hash));
            prev = hash;
        }
        return records;
    }

    /** Cuts text to the column's length (before hashing: the stored value is the hashed value). */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static String describe(AuditEvent e) {
        return e.step() + " " + e.outcome() + " message=" + e.messageId() + " document=" + e.documentId()
                + " route=" + e.routeId() + " sender=" + e.senderId() + " recipient=" + e.recipientId()
                + " actor=" + e.actor() + " detail=" + e.detail();
    }

    /** Stops accepting, writes what is queued, and ends the writer thread. */
    @Override
    public void close() {
        accepting = false;
        stopping = true;
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
