package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which received packages the bus has already accepted, by (sender organ id, dedup key). The
 * receiving side records a package only after it is on the durable queue, so a crash in between
 * re-queues it (harmless: delivery into pending boxes is idempotent) instead of losing it.
 */
public class InboundReceipts {

    private final JdbcTemplate jdbc;

    public InboundReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The bus message id under which this (sender, key) was accepted, if it was. */
    public Optional<String> acceptedAs(String senderId, String dedupKey) {
        return jdbc.queryForList("SELECT message_id FROM inbound_receipt WHERE sender_id = ? AND dedup_key = ?",
                String.class, senderId, dedupKey).stream().findFirst();
    }

    /** @return false when the (sender, key) was recorded already */
    public boolean record(String senderId, String dedupKey, String documentId, String messageType, String source,
                          String remoteId, String messageId, String verification) {
        try {
            jdbc.update("INSERT INTO inbound_receipt (sender_id, dedup_key, document_id, message_type, source,"
                            + " remote_id, message_id, verification, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    senderId, dedupKey, documentId, messageType, source, remoteId, messageId,
                    Quarantine.cut(verification), Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }
}
