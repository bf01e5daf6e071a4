package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every package the bus accepted, under the bus's own message id. */
public class MessageRegistry {

    private final JdbcTemplate jdbc;

    public MessageRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String messageId, String direction, String messageType, String documentId,
                       String senderId, String subject, String payloadSha256, Instant acceptedAt) {
        String shortSubject = subject == null || subject.length() <= 2000 ? subject : subject.substring(0, 2000);
        try {
            jdbc.update("INSERT INTO message (message_id, direction, message_type, document_id, sender_id, subject,"
                            + " payload_sha256, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    messageId, direction, messageType, documentId, senderId, shortSubject, payloadSha256,
                    Timestamp.from(acceptedAt));
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivered message keeps its first record
        }
    }
}
