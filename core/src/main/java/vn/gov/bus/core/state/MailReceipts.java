package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mails the bus has taken from the official mailbox, by Message-ID. Written after the mail's
 * package is on the durable queue (or the mail is quarantined) and before the mail is moved out of
 * the inbox: a mail offered again after a crash is found here and only moved.
 */
public class MailReceipts {

    /** What became of a mail. */
    public enum Outcome { QUEUED, QUARANTINED, BOUNCE, IGNORED }

    public record Receipt(String mailKey, String messageId, String fromAddress, Outcome outcome,
                          String busMessageId, String quarantineId, String detail, Instant receivedAt) {
    }

    private final JdbcTemplate jdbc;

    public MailReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of a mail: its Message-ID, or the mail's bytes when it has none (hashed to fit). */
    public static String keyOf(String messageId, byte[] rawWhenNoId) {
        if (messageId != null && !messageId.isBlank()) {
            return Tokens.sha256Hex(messageId.strip());
        }
        return Tokens.sha256Hex(rawWhenNoId);
    }

    public Optional<Receipt> find(String mailKey) {
        return jdbc.query("SELECT mail_key, message_id, from_address, outcome, bus_message_id, quarantine_id, detail,"
                        + " received_at FROM mail_receipt WHERE mail_key = ?",
                (rs, i) -> new Receipt(rs.getString("mail_key"), rs.getString("message_id"),
                        rs.getString("from_address"), Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("bus_message_id"), rs.getString("quarantine_id"), rs.getString("detail"),
                        rs.getTimestamp("received_at").toInstant()), mailKey).stream().findFirst();
    }

    /** @return false when the mail was recorded already (the first record is kept) */
    public boolean record(String mailKey, String messageId, String fromAddress, Outcome outcome, String busMessageId,
                          String quarantineId, String detail) {
        try {
            jdbc.update("INSERT INTO mail_receipt (mail_key, message_id, from_address, outcome, bus_message_id,"
                            + " quarantine_id, detail, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    mailKey, fit(messageId, 998), fit(fromAddress, 320), outcome.name(), busMessageId, quarantineId,
                    detail == null ? null : Quarantine.cut(detail), Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    public int count(Outcome outcome) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM mail_receipt WHERE outcome = ?", Integer.class,
                outcome.name());
        return n == null ? 0 : n;
    }

    private static String fit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
