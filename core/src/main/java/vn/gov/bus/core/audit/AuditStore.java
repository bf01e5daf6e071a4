package vn.gov.bus.core.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.bus.audit.verifier.Digests;
import vn.gov.bus.audit.verifier.RecordEncoding;

/**
 * The audit log's tables (V4__audit_log.sql, V10__audit_chain_head.sql) over plain JDBC; the same
 * SQL runs on H2 and PostgreSQL. Only {@link AuditWriter} appends, one batch per transaction; several
 * writers (bus nodes) may share the tables, because every batch locks the chain head row first.
 */
public class AuditStore {

    static final String GENESIS = Digests.hex(RecordEncoding.GENESIS);
    private static final String COLUMNS = "seq, recorded_at, step, outcome, message_id, document_id, correlation_id,"
            + " route_id, sender_id, recipient_id, actor, origin, detail, payload_sha256, prev_hash, record_hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public AuditStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The last record's number and hash; (0, 32 zero bytes) for an empty log. */
    public record Head(long seq, String hash) {
    }

    /** The committed head of the chain, whichever node wrote it. */
    public Head head() {
        return jdbc.query("SELECT seq, record_hash FROM audit_chain_head WHERE chain_id = 1",
                        (rs, i) -> new Head(rs.getLong(1), rs.getString(2).trim()))
                .stream().findFirst().orElse(new Head(0, GENESIS));
    }

    /**
     * Locks the chain head row until the transaction ends: every other writer (on this node or
     * another one sharing the database) waits here, so the head read is the head appended to.
     */
    private Head lockHead() {
        return jdbc.queryForObject("SELECT seq, record_hash FROM audit_chain_head WHERE chain_id = 1 FOR UPDATE",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2).trim()));
    }

    /** A payload the writer hands over with its record: digest, exact bytes, compressed form if already made. */
    record NewPayload(String sha256, byte[] bytes, PayloadCodec.Encoded encoded) {
    }

    /**
     * Appends a batch in one transaction: locks the head, lets {@code chain} number and hash the
     * records on it, stores the new payloads and the records, and moves the head. {@code payloads}
     * holds the payloads of this batch, each once; those already stored are only marked as used
     * again. When the transaction fails nothing is written and {@code chain} runs again on the next
     * attempt, on the head of that moment.
     *
     * @return the records as stored (numbered and hashed)
     */
    List<AuditRecord> append(java.util.function.Function<Head, List<AuditRecord>> chain, List<NewPayload> payloads) {
        return tx.execute(status -> {
            List<AuditRecord> records = chain.apply(lockHead());
            Timestamp at = Timestamp.from(records.get(0).time());
            for (NewPayload p : payloads) {
                int touched = jdbc.update("UPDATE audit_payload SET last_used_at = ? WHERE sha256 = ?", at, p.sha256());
                if (touched == 0) {
                    PayloadCodec.Encoded encoded = p.encoded() != null ? p.encoded() : PayloadCodec.encode(p.bytes());
                    jdbc.update("INSERT INTO audit_payload (sha256, size_bytes, compression, content, stored_at,"
                                    + " last_used_at) VALUES (?, ?, ?, ?, ?, ?)", p.sha256(), (long) p.bytes().length,
                            encoded.compression(), encoded.content(), at, at);
                }
            }
            jdbc.batchUpdate("INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    records, 500, (ps, r) -> {
                        ps.setLong(1, r.seq());
                        ps.setObject(2, OffsetDateTime.ofInstant(r.time(), ZoneOffset.UTC));
                        ps.setString(3, r.step().name());
                        ps.setString(4, r.outcome().name());
                        ps.setString(5, r.messageId());
                        ps.setString(6, r.documentId());
                        ps.setString(7, r.correlationId());
                        ps.setString(8, r.routeId());
                        ps.setString(9, r.senderId());
                        ps.setString(10, r.recipientId());
                        ps.setString(11, r.actor());
                        ps.setString(12, r.origin());
                        ps.setString(13, r.detail());
                        ps.setString(14, r.payloadSha256());
                        ps.setString(15, r.prevHash());
                        ps.setString(16, r.recordHash());
                    });
            AuditRecord last = records.get(records.size() - 1);
            jdbc.update("UPDATE audit_chain_head SET seq = ?, record_hash = ? WHERE chain_id = 1", last.seq(),
                    last.recordHash());
            return records;
        });
    }

    public Optional<AuditRecord> find(long seq) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE seq = ?", AuditStore::map, seq)
                .stream().findFirst();
    }

    /** One page of a search, oldest first. */
    public record Page(List<AuditRecord> records, int page, int size, long total) {
    }

    public Page search(AuditQuery q, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AuditRecord> records = jdbc.query("SELECT " + COLUMNS + " FROM audit_record" + where
                + " ORDER BY seq LIMIT ? OFFSET ?", AuditStore::map, pageArgs.toArray());
        return new Page(records, page, size, total == null ? 0 : total);
    }

    /** Sequence numbers of every record the query selects, ascending. */
    public List<Long> selectSeqs(AuditQuery q, int max) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        args.add(max);
        return jdbc.queryForList("SELECT seq FROM audit_record" + where + " ORDER BY seq LIMIT ?", Long.class,
                args.toArray());
    }

    private static String where(AuditQuery q, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        add(sql, args, "document_id = ?", q.documentId());
        add(sql, args, "message_id = ?", q.messageId());
        add(sql, args, "correlation_id = ?", q.correlationId());
        if (q.agency() != null) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append("(sender_id = ? OR recipient_id = ?)");
            args.add(q.agency());
            args.add(q.agency());
        }
        add(sql, args, "route_id = ?", q.routeId());
        add(sql, args, "step = ?", q.step() == null ? null : q.step().name());
        add(sql, args, "outcome = ?", q.outcome() == null ? null : q.outcome().name());
        add(sql, args, "recorded_at >= ?", q.from() == null ? null : OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        add(sql, args, "recorded_at < ?", q.to() == null ? null : OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        return sql.toString();
    }

    private static void add(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
            args.add(value);
        }
    }

    /** Records {@code from}..{@code to} (inclusive) in order, read a thousand at a time. */
    public Iterator<AuditRecord> range(long from, long to) {
        return new Iterator<>() {
            private long next = from;
            private Iterator<AuditRecord> page = List.<AuditRecord>of().iterator();

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && next <= to) {
                    List<AuditRecord> rows = jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE seq >= ?"
                            + " AND seq <= ? ORDER BY seq LIMIT 1000", AuditStore::map, next, to);
                    page = rows.iterator();
                    next = rows.isEmpty() ? to + 1 : rows.get(rows.size() - 1).seq() + 1;
                }
                return page.hasNext();
            }

            @Override
            public AuditRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /** The exact payload bytes stored under this digest; empty when unknown or pruned. */
    public Optional<byte[]> payload(String sha256) {
        return jdbc.query("SELECT size_bytes, compression, content FROM audit_payload WHERE sha256 = ?",
                (rs, i) -> PayloadCodec.decode(rs.getString("compression"), rs.getBytes("content"),
                        rs.getLong("size_bytes")), sha256).stream().findFirst();
    }

    public boolean isPruned(String sha256) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_payload_pruned WHERE sha256 = ?", Integer.class,
                sha256);
        return n != null && n > 0;
    }

    public long payloadCount() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_payload", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Deletes the bytes of payloads not used since {@code before}, keeping a row that says they were
     * pruned; the records (and their digests) stay, so the chain still verifies.
     */
    public int prunePayloadsUnusedSince(Instant before) {
        return tx.execute(status -> {
            // under the head lock: no writer (of any node) marks one of these payloads used meanwhile
            lockHead();
            Timestamp cut = Timestamp.from(before);
            List<String> old = jdbc.queryForList("SELECT sha256 FROM audit_payload WHERE last_used_at < ?",
                    String.class, cut);
            Timestamp now = Timestamp.from(Instant.now());
            for (String sha : old) {
                jdbc.update("DELETE FROM audit_payload WHERE sha256 = ?", sha);
                if (!isPruned(sha)) {
                    jdbc.update("INSERT INTO audit_payload_pruned (sha256, pruned_at) VALUES (?, ?)", sha, now);
                }
            }
            return old.size();
        });
    }

    /** A stored checkpoint: the signed head, and the timestamp token when a TSA gave one. */
    public record StoredCheckpoint(long seq, String headHash, Instant createdAt, byte[] signature,
                                   byte[] timestampToken) {
    }

    /**
     * Stores a checkpoint; false when one at that seq is already stored (another node signed the
     * same head first: either is a valid signature of it, the first one stays).
     */
    boolean saveCheckpoint(StoredCheckpoint c) {
        try {
            return saveCheckpointRow(c);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    private boolean saveCheckpointRow(StoredCheckpoint c) {
        return 1 == jdbc.update("INSERT INTO audit_checkpoint (seq, head_hash, created_at, signature, timestamp_token)"
                        + " VALUES (?, ?, ?, ?, ?)", c.seq(), c.headHash(), Timestamp.from(c.createdAt()), c.signature(),
                c.timestampToken());
    }

    public List<StoredCheckpoint> checkpoints() {
        return jdbc.query("SELECT seq, head_hash, created_at, signature, timestamp_token FROM audit_checkpoint"
                + " ORDER BY seq", AuditStore::mapCheckpoint);
    }

    public Optional<StoredCheckpoint> checkpointAt(long seq) {
        return jdbc.query("SELECT seq, head_hash, created_at, signature, timestamp_token FROM audit_checkpoint"
                + " WHERE seq = ?", AuditStore::mapCheckpoint, seq).stream().findFirst();
    }

    public Optional<StoredCheckpoint> lastCheckpoint() {
        return jdbc.query("SELECT seq, head_hash, created_at, signature, timestamp_token FROM audit_checkpoint"
                + " ORDER BY seq DESC LIMIT 1", AuditStore::mapCheckpoint).stream().findFirst();
    }

    /** Digests that retention pruned among these. */
    public List<String> prunedAmong(Set<String> digests) {
        List<String> out = new ArrayList<>();
        for (String d : digests) {
            if (isPruned(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static StoredCheckpoint mapCheckpoint(ResultSet rs, int i) throws SQLException {
        return new StoredCheckpoint(rs.getLong("seq"), rs.getString("head_hash").trim(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBytes("signature"),
                rs.getBytes("timestamp_token"));
    }

    private static AuditRecord map(ResultSet rs, int i) throws SQLException {
        String payload = rs.getString("payload_sha256");
        return new AuditRecord(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                AuditStep.valueOf(rs.getString("step")), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("message_id"), rs.getString("document_id"), rs.getString("correlation_id"),
                rs.getString("route_id"), rs.getString("sender_id"), rs.getString("recipient_id"),
                rs.getString("actor"), rs.getString("origin"), rs.getString("detail"),
                payload == null ? null : payload.trim(), rs.getString("prev_hash").trim(),
                rs.getString("record_hash").trim());
    }
}
