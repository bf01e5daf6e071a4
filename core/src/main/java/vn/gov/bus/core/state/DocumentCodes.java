package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The number/notation of the documents the bus carried, by sender. A status package names the
 * document it reports on in ResponseFor; some producers give only its Code (and date), not its
 * DocumentId. The spec matches a status to its document by (from organ, to organ, code): here the
 * sender is ResponseFor/OrganId, the recipient is the status's From, and the code ResponseFor/Code.
 */
public class DocumentCodes {

    private final JdbcTemplate jdbc;

    public DocumentCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a document's code once (the first record of a DocumentId wins). */
    public void record(String senderId, String documentId, String code, String promulgationDate) {
        if (code == null || code.isBlank() || code.length() > 256 || senderId.length() > 64
                || documentId.length() > 512) {
            return;
        }
        try {
            jdbc.update("INSERT INTO document_code (sender_id, document_id, code, promulgation_date, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?)", senderId, documentId, code.strip(),
                    promulgationDate == null || promulgationDate.length() > 16 ? null : promulgationDate,
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivered or resent document keeps its first record
        }
    }

    /**
     * The DocumentId of the document of {@code senderId} with this code that was delivered to
     * {@code recipientId} (any recipient when null), the newest when several match; a given
     * promulgation date narrows it (numbers restart every year), and when no document has that
     * date the newest of the code is taken (lenient on input: producers get dates wrong).
     */
    public Optional<String> resolve(String senderId, String code, String promulgationDate, String recipientId) {
        if (senderId == null || code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<String> dated = find(senderId, code, promulgationDate, recipientId);
        return dated.isPresent() || promulgationDate == null ? dated : find(senderId, code, null, recipientId);
    }

    private Optional<String> find(String senderId, String code, String promulgationDate, String recipientId) {
        StringBuilder sql = new StringBuilder("SELECT c.document_id FROM document_code c WHERE c.sender_id = ?"
                + " AND c.code = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(senderId, code.strip()));
        if (promulgationDate != null && !promulgationDate.isBlank()) {
            sql.append(" AND (c.promulgation_date IS NULL OR c.promulgation_date = ?)");
            args.add(promulgationDate.strip());
        }
        if (recipientId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM delivery d WHERE d.sender_id = c.sender_id"
                    + " AND d.document_id = c.document_id AND d.recipient_id = ?)");
            args.add(recipientId);
        }
        // newest first: by promulgation date (yyyy/MM/dd sorts as text), then by when the bus saw it
        sql.append(" ORDER BY c.promulgation_date DESC NULLS LAST, c.recorded_at DESC, c.document_id LIMIT 1");
        return jdbc.queryForList(sql.toString(), String.class, args.toArray()).stream().findFirst();
    }
}
