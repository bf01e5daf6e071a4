package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Received packages the bus refused, kept whole with the reason the sender was given. */
public class Quarantine {

    /** Longest reason text stored (the column's size); a longer one is cut with an ellipsis. */
    public static final int MAX_REASON = 4000;

    private static final String COLUMNS = "id, source, remote_id, sender_id, document_id, message_type, reason_code,"
            + " reason_text, package, received_at";

    private final JdbcTemplate jdbc;

    public Quarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a refused package once per (source, remote id); a second call for the same remote
     * package (its refusal was not acknowledged and it was downloaded again) keeps the first row.
     *
     * @return the quarantine id of the row for this remote package
     */
    public String put(String source, String remoteId, String senderId, String documentId, String messageType,
                      String reasonCode, String reasonText, byte[] pkg) {
        String id = UUID.randomUUID().toString();
        String remote = fit(remoteId, 128);
        try {
            jdbc.update("INSERT INTO quarantine (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    // a refused package may carry anything: what does not fit is cut, the package keeps it whole
                    id, source, remote, fit(senderId, 64), fit(documentId, 512), fit(messageType, 16),
                    reasonCode, cut(reasonText), pkg,
                    Timestamp.from(Instant.now()));
            return id;
        } catch (DuplicateKeyException alreadyQuarantined) {
            return find(source, remote).map(Entry::id).orElseThrow();
        }
    }

    public Optional<Entry> find(String source, String remoteId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM quarantine WHERE source = ? AND remote_id = ?", MAPPER,
                source, remoteId).stream().findFirst();
    }

    /** Everything quarantined from one sender, oldest first. */
    public List<Entry> fromSender(String senderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM quarantine WHERE sender_id = ? ORDER BY received_at", MAPPER,
                senderId);
    }

    /** A reason cut to what the quarantine stores, so the same text can be passed on elsewhere. */
    public static String cut(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    private static String fit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static final RowMapper<Entry> MAPPER = (rs, n) -> new Entry(rs.getString("id"), rs.getString("source"),
            rs.getString("remote_id"), rs.getString("sender_id"), rs.getString("document_id"),
            rs.getString("message_type"), rs.getString("reason_code"), rs.getString("reason_text"),
            rs.getBytes("package"), rs.getTimestamp("received_at").toInstant());

    public record Entry(String id, String source, String remoteId, String senderId, String documentId,
                        String messageType, String reasonCode, String reasonText, byte[] pkg, Instant receivedAt) {
    }
}
