package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operators see of the quarantine and what they decided: each quarantined item is accepted
 * (with the sender agency the operator chose) or rejected once; the quarantined bytes never change.
 */
public class QuarantineReview {

    public enum Decision { ACCEPTED, REJECTED }

    /** A quarantined item (without its bytes) and the decision taken on it, if any. */
    public record Item(String id, String source, String remoteId, String senderId, String documentId,
                       String messageType, String reasonCode, String reasonText, Instant receivedAt,
                       Decision decision, String decidedSenderId, String actor, String decisionReason,
                       String busMessageId, Instant decidedAt) {
    }

    private static final String SELECT = "SELECT q.id, q.source, q.remote_id, q.sender_id, q.document_id,"
            + " q.message_type, q.reason_code, q.reason_text, q.received_at, d.decision, d.sender_id AS decided_sender,"
            + " d.actor, d.reason AS decision_reason, d.bus_message_id, d.decided_at"
            + " FROM quarantine q LEFT JOIN quarantine_decision d ON d.quarantine_id = q.id";

    private final JdbcTemplate jdbc;

    public QuarantineReview(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Item> find(String id) {
        return jdbc.query(SELECT + " WHERE q.id = ?", QuarantineReview::map, id).stream().findFirst();
    }

    /** The quarantined bytes of an item. */
    public Optional<byte[]> content(String id) {
        return jdbc.queryForList("SELECT package FROM quarantine WHERE id = ?", byte[].class, id).stream().findFirst();
    }

    /** Items of one source (e.g. MAIL), oldest first; {@code undecidedOnly} leaves out decided ones. */
    public List<Item> list(String source, boolean undecidedOnly, int limit) {
        return jdbc.query(SELECT + " WHERE q.source = ?" + (undecidedOnly ? " AND d.decision IS NULL" : "")
                + " ORDER BY q.received_at, q.id LIMIT ?", QuarantineReview::map, source, limit);
    }

    /** Records a decision; false when the item was decided already (the first decision stands). */
    public boolean decide(String id, Decision decision, String senderId, String actor, String reason,
                          String busMessageId) {
        try {
            jdbc.update("INSERT INTO quarantine_decision (quarantine_id, decision, sender_id, actor, reason,"
                            + " bus_message_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, decision.name(), senderId, actor, reason == null ? null : Quarantine.cut(reason), busMessageId,
                    Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException alreadyDecided) {
            return false;
        }
    }

    private static Item map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String decision = rs.getString("decision");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Item(rs.getString("id"), rs.getString("source"), rs.getString("remote_id"),
                rs.getString("sender_id"), rs.getString("document_id"), rs.getString("message_type"),
                rs.getString("reason_code"), rs.getString("reason_text"), rs.getTimestamp("received_at").toInstant(),
                decision == null ? null : Decision.valueOf(decision), rs.getString("decided_sender"),
                rs.getString("actor"), rs.getString("decision_reason"), rs.getString("bus_message_id"),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
