package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per (sender, document, recipient). Delivery routes consult it before acting so that a
 * redelivered or replayed message is not delivered twice; SENDING records that a remote call
 * started, so a crash in the middle is resolved by asking the remote side, not by guessing.
 */
public class DeliveryLedger {

    private final JdbcTemplate jdbc;

    public DeliveryLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a routed delivery; returns false when it was already known (kept as it is). */
    public boolean register(DeliveryKey key, String documentId, String messageType, Channel channel,
                            String messageId) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("INSERT INTO delivery (sender_id, document_id, recipient_id, message_type, dedup_key,"
                            + " channel, state, message_id, attempts, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, ?, ?)",
                    key.senderId(), documentId, key.recipientId(), messageType, key.dedupKey(),
                    channel.name(), messageId, now, now);
            return true;
        } catch (DuplicateKeyException alreadyRouted) {
            return false;
        }
    }

    public Optional<DeliveryState> state(DeliveryKey key) {
        return jdbc.queryForList("SELECT state FROM delivery WHERE sender_id = ? AND dedup_key = ?"
                                + " AND recipient_id = ?", String.class,
                        key.senderId(), key.dedupKey(), key.recipientId())
                .stream().findFirst().map(DeliveryState::valueOf);
    }

    /** The outcome of {@link #claim}: whether the caller may send, and what it must check first. */
    public enum Claim {
        /** Not sent before: send. */
        FRESH,
        /** A previous send was interrupted (crash, timeout) with an unknown outcome: ask the remote side first. */
        AFTER_INTERRUPTION,
        /** Already delivered: do nothing. */
        DELIVERED,
        /** Another consumer is sending it right now: try again later. */
        BUSY
    }

    /**
     * Claims the right to send one delivery. A SENDING row younger than {@code inFlightTimeout}
     * belongs to a send in progress elsewhere; an older one was interrupted and is taken over.
     */
    public Claim claim(DeliveryKey key, Duration inFlightTimeout) {
        Instant now = Instant.now();
        int fresh = jdbc.update("UPDATE delivery SET state = 'SENDING', attempts = attempts + 1, updated_at = ?"
                        + " WHERE sender_id = ? AND dedup_key = ? AND recipient_id = ? AND state IN ('QUEUED', 'FAILED')",
                Timestamp.from(now), key.senderId(), key.dedupKey(), key.recipientId());
        if (fresh == 1) {
            return Claim.FRESH;
        }
        int uncertain = jdbc.update("UPDATE delivery SET state = 'SENDING', attempts = attempts + 1, updated_at = ?"
                        + " WHERE sender_id = ? AND dedup_key = ? AND recipient_id = ? AND state = 'UNCERTAIN'",
                Timestamp.from(now), key.senderId(), key.dedupKey(), key.recipientId());
        if (uncertain == 1) {
            return Claim.AFTER_INTERRUPTION;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT state, updated_at FROM delivery"
                        + " WHERE sender_id = ? AND dedup_key = ? AND recipient_id = ?",
                key.senderId(), key.dedupKey(), key.recipientId());
        if (rows.isEmpty()) {
            throw new IllegalStateException("no ledger row for " + key + ": the dispatcher registers every delivery");
        }
        String state = (String) rows.get(0).get("state");
        if (DeliveryState.DELIVERED.name().equals(state)) {
            return Claim.DELIVERED;
        }
        Timestamp since = toTimestamp(rows.get(0).get("updated_at"));
        if (since.toInstant().plus(inFlightTimeout).isAfter(now)) {
            return Claim.BUSY;
        }
        int taken = jdbc.update("UPDATE delivery SET attempts = attempts + 1, updated_at = ? WHERE sender_id = ?"
                        + " AND dedup_key = ? AND recipient_id = ? AND state = 'SENDING' AND updated_at = ?",
                Timestamp.from(now), key.senderId(), key.dedupKey(), key.recipientId(), since);
        return taken == 1 ? Claim.AFTER_INTERRUPTION : Claim.BUSY;
    }

    /**
     * An operator forces one more send of a delivery whatever its state (a replay with force):
     * the row is claimed SENDING again. Returns false when the ledger has no such delivery.
     */
    public boolean forceClaim(DeliveryKey key) {
        return jdbc.update("UPDATE delivery SET state = 'SENDING', attempts = attempts + 1, updated_at = ?"
                        + " WHERE sender_id = ? AND dedup_key = ? AND recipient_id = ?",
                Timestamp.from(Instant.now()), key.senderId(), key.dedupKey(), key.recipientId()) == 1;
    }

    private static Timestamp toTimestamp(Object value) {
        if (value instanceof Timestamp ts) {
            return ts;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return Timestamp.from(odt.toInstant());
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    public void markDelivered(DeliveryKey key, String remoteId) {
        jdbc.update("UPDATE delivery SET state = 'DELIVERED', remote_id = ?, last_error = NULL, updated_at = ?"
                        + " WHERE sender_id = ? AND dedup_key = ? AND recipient_id = ?",
                remoteId, Timestamp.from(Instant.now()), key.senderId(), key.dedupKey(), key.recipientId());
    }

    /**
     * Records a failed attempt. A terminal failure (the remote side refused) marks it FAILED; any
     * other failure leaves the outcome UNCERTAIN (a timeout may have delivered it), so the next
     * attempt asks the remote side before sending again.
     */
    public void recordFailure(DeliveryKey key, String error, boolean terminal) {
        String trimmed = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
        jdbc.update("UPDATE delivery SET last_error = ?, state = ?, updated_at = ? WHERE sender_id = ?"
                        + " AND dedup_key = ? AND recipient_id = ? AND state <> 'DELIVERED'",
                trimmed, terminal ? "FAILED" : "UNCERTAIN", Timestamp.from(Instant.now()), key.senderId(),
                key.dedupKey(), key.recipientId());
    }

    /**
     * A delivery the remote side took and later reported undeliverable (a mail bounce): FAILED even
     * when it was DELIVERED. Returns false when the ledger has no such delivery.
     */
    public boolean markBounced(DeliveryKey key, String error) {
        String trimmed = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
        return jdbc.update("UPDATE delivery SET last_error = ?, state = 'FAILED', updated_at = ? WHERE sender_id = ?"
                        + " AND dedup_key = ? AND recipient_id = ?",
                trimmed, Timestamp.from(Instant.now()), key.senderId(), key.dedupKey(), key.recipientId()) == 1;
    }

    public List<DeliveryRecord> forDocument(String senderId, String documentId) {
        return jdbc.query("SELECT sender_id, document_id, recipient_id, message_type, dedup_key, channel, state,"
                        + " message_id, attempts, remote_id, last_error, updated_at FROM delivery"
                        + " WHERE sender_id = ? AND document_id = ? ORDER BY recipient_id",
                (rs, i) -> new DeliveryRecord(
                        new DeliveryKey(rs.getString("sender_id"), rs.getString("dedup_key"),
                                rs.getString("recipient_id")),
                        rs.getString("document_id"), rs.getString("message_type"),
                        Channel.valueOf(rs.getString("channel")), DeliveryState.valueOf(rs.getString("state")),
                        rs.getString("message_id"), rs.getInt("attempts"), rs.getString("remote_id"),
                        rs.getString("last_error"), rs.getTimestamp("updated_at").toInstant()),
                senderId, documentId);
    }

    /** A row of the ledger as operators and tests see it. */
    public record DeliveryRecord(DeliveryKey key, String documentId, String messageType, Channel channel,
                                 DeliveryState state, String messageId, int attempts, String remoteId,
                                 String lastError, Instant updatedAt) {
    }
}
