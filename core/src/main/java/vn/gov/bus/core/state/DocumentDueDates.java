package vn.gov.bus.core.state;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The handling deadline (MessageHeader/DueDate) of the documents the bus carried. The statistics
 * count a document as handled on time only against the deadline its sender wrote; the bus never
 * invents one.
 */
public class DocumentDueDates {

    private final JdbcTemplate jdbc;

    public DocumentDueDates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a document's deadline once (a redelivered or resent document keeps the first). */
    public void record(String senderId, String documentId, LocalDate dueDate) {
        if (dueDate == null || senderId.length() > 64 || documentId.length() > 512) {
            return;
        }
        try {
            jdbc.update("INSERT INTO document_due_date (sender_id, document_id, due_date, recorded_at)"
                            + " VALUES (?, ?, ?, ?)", senderId, documentId, Date.valueOf(dueDate),
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException alreadyRecorded) {
            // the first record of a DocumentId wins
        }
    }

    public Optional<LocalDate> of(String senderId, String documentId) {
        return jdbc.queryForList("SELECT due_date FROM document_due_date WHERE sender_id = ? AND document_id = ?",
                Date.class, senderId, documentId).stream().findFirst().map(Date::toLocalDate);
    }
}
