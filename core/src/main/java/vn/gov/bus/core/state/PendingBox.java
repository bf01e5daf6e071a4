package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pending boxes of local agencies. Local document systems do not listen: they poll their box
 * through the hub, fetch each package and confirm it. A deposit is idempotent per
 * (recipient, sender, dedup key), so a redelivered JMS message cannot fill a box twice.
 */
public class PendingBox {

    private final JdbcTemplate jdbc;

    public PendingBox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts a package in a recipient's box; returns the entry id, or empty when it was there already. */
    public Optional<String> deposit(String recipientId, String senderId, String documentId, String dedupKey,
                                    String messageType, String messageId, byte[] pkg) {
        String id = UUID.randomUUID().toString();
        try {
            jdbc.update("INSERT INTO pending_document (id, recipient_id, sender_id, document_id, dedup_key,"
                            + " message_type, message_id, package, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, recipientId, senderId, documentId, dedupKey, messageType, messageId, pkg,
                    Timestamp.from(Instant.now()));
            return Optional.of(id);
        } catch (DuplicateKeyException alreadyDeposited) {
            return Optional.empty();
        }
    }

    /**
     * A forced replay: the entry of (recipient, sender, key) is offered again, with these bytes, as
     * unconfirmed, so the recipient's system fetches it once more; a missing entry is deposited.
     * Returns the entry id, or empty when the entry was withdrawn: the sender took the document
     * back, and an operator's replay must not hand it over after all.
     */
    public Optional<String> redeposit(String recipientId, String senderId, String documentId, String dedupKey,
                                      String messageType, String messageId, byte[] pkg) {
        int n = jdbc.update("UPDATE pending_document SET package = ?, message_id = ?, confirmed_at = NULL,"
                        + " received_at = ? WHERE recipient_id = ? AND sender_id = ? AND dedup_key = ?"
                        + " AND withdrawn_at IS NULL",
                pkg, messageId, Timestamp.from(Instant.now()), recipientId, senderId, dedupKey);
        List<String> existing = jdbc.queryForList("SELECT id FROM pending_document WHERE recipient_id = ?"
                + " AND sender_id = ? AND dedup_key = ?", String.class, recipientId, senderId, dedupKey);
        if (n == 1) {
            return Optional.of(existing.get(0));
        }
        if (!existing.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> deposited = deposit(recipientId, senderId, documentId, dedupKey, messageType, messageId, pkg);
        return deposited.isPresent() ? deposited
                : redeposit(recipientId, senderId, documentId, dedupKey, messageType, messageId, pkg);
    }

    /** Unconfirmed entries of a box, oldest first. */
    public List<Entry> pending(String recipientId) {
        return jdbc.query("SELECT id, sender_id, document_id, message_type, received_at FROM pending_document"
                        + " WHERE recipient_id = ? AND confirmed_at IS NULL AND withdrawn_at IS NULL"
                        + " ORDER BY received_at, id",
                (rs, i) -> new Entry(rs.getString("id"), rs.getString("sender_id"), rs.getString("document_id"),
                        rs.getString("message_type"), rs.getTimestamp("received_at").toInstant()),
                recipientId);
    }

    /** The package of one entry, only to the box's owner. */
    public Optional<Stored> fetch(String recipientId, String id) {
        return jdbc.query("SELECT message_type, package, confirmed_at, withdrawn_at FROM pending_document"
                        + " WHERE id = ? AND recipient_id = ?",
                (rs, i) -> new Stored(rs.getString("message_type"), rs.getBytes("package"),
                        rs.getTimestamp("confirmed_at") != null, rs.getTimestamp("withdrawn_at") != null),
                id, recipientId).stream().findFirst();
    }

    /** What a confirmation did. */
    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, WITHDRAWN, NOT_FOUND }

    /**
     * Marks an entry received by its owner. Exactly one caller gets CONFIRMED for an entry, so
     * whatever follows a first confirmation (the status 01 to the sender) happens once.
     */
    public Confirmation confirm(String recipientId, String id) {
        int n = jdbc.update("UPDATE pending_document SET confirmed_at = ? WHERE id = ? AND recipient_id = ?"
                + " AND confirmed_at IS NULL AND withdrawn_at IS NULL", Timestamp.from(Instant.now()), id, recipientId);
        if (n == 1) {
            return Confirmation.CONFIRMED;
        }
        return fetch(recipientId, id)
                .map(stored -> stored.withdrawn() ? Confirmation.WITHDRAWN : Confirmation.ALREADY_CONFIRMED)
                .orElse(Confirmation.NOT_FOUND);
    }

    /** What {@link #withdraw} found. */
    public enum Withdrawal {
        /** The document was waiting unconfirmed and is withdrawn now. */
        WITHDRAWN,
        /** It had been withdrawn before (a repeated take-back, or a redelivery after a crash). */
        ALREADY_WITHDRAWN,
        /** The recipient's system had confirmed it: too late, the recipient decides (status 15/16). */
        ALREADY_CONFIRMED,
        /** This box never received the document. */
        NOT_IN_BOX
    }

    /**
     * Withdraws a document (the entry whose dedup key is its DocumentId, not a later revocation or
     * update of it) from a recipient's box if its system has not confirmed it. The update and the
     * confirmation each require the other not to have happened, so exactly one of them wins.
     */
    public Withdrawal withdraw(String recipientId, String senderId, String documentId, String reason) {
        String cut = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
        int n = jdbc.update("UPDATE pending_document SET withdrawn_at = ?, withdrawn_reason = ?"
                        + " WHERE recipient_id = ? AND sender_id = ? AND dedup_key = ? AND message_type = 'EDOC'"
                        + " AND confirmed_at IS NULL AND withdrawn_at IS NULL",
                Timestamp.from(Instant.now()), cut, recipientId, senderId, documentId);
        if (n > 0) {
            return Withdrawal.WITHDRAWN;
        }
        List<Boolean> withdrawn = jdbc.query("SELECT withdrawn_at FROM pending_document WHERE recipient_id = ?"
                        + " AND sender_id = ? AND dedup_key = ? AND message_type = 'EDOC'",
                (rs, i) -> rs.getTimestamp("withdrawn_at") != null, recipientId, senderId, documentId);
        if (withdrawn.isEmpty()) {
            return Withdrawal.NOT_IN_BOX;
        }
        return withdrawn.get(0) ? Withdrawal.ALREADY_WITHDRAWN : Withdrawal.ALREADY_CONFIRMED;
    }

    /** The document itself (not a revocation or status about it) as deposited in a recipient's box. */
    public Optional<byte[]> document(String recipientId, String senderId, String documentId) {
        return jdbc.query("SELECT package FROM pending_document WHERE recipient_id = ? AND sender_id = ?"
                        + " AND dedup_key = ? AND message_type = 'EDOC'", (rs, i) -> rs.getBytes("package"),
                recipientId, senderId, documentId).stream().findFirst();
    }

    /** The local agencies whose boxes received a document, in organ id order. */
    public List<String> recipientsOf(String senderId, String documentId) {
        return jdbc.queryForList("SELECT DISTINCT recipient_id FROM pending_document WHERE sender_id = ?"
                + " AND dedup_key = ? AND message_type = 'EDOC' ORDER BY recipient_id", String.class,
                senderId, documentId);
    }

    public int count(String recipientId, String senderId, String documentId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM pending_document WHERE recipient_id = ?"
                + " AND sender_id = ? AND document_id = ?", Integer.class, recipientId, senderId, documentId);
        return n == null ? 0 : n;
    }

    public record Entry(String id, String senderId, String documentId, String messageType, Instant receivedAt) {
    }

    public record Stored(String messageType, byte[] pkg, boolean confirmed, boolean withdrawn) {
    }
}
