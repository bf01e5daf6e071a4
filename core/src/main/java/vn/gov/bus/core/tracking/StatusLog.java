package vn.gov.bus.core.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlException;
import vn.gov.bus.schemas.edxml.StaffInfo;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business statuses the bus carried, by the document they answer, for document tracking.
 * Recording is idempotent per (status setter, de-duplication key), so a status sent twice or
 * redelivered after a crash appears once in a document's timeline.
 */
public class StatusLog {

    private final JdbcTemplate jdbc;

    public StatusLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One status as the package carried it; {@code statusTime} may be null (absent or unreadable). */
    public record Status(String fromOrganId, String dedupKey, String senderId, String documentId,
                         String responseCode, String statusCode, String description, String department,
                         String staff, Instant statusTime, String direction, String messageId) {

        /**
         * The status a package carries, set by {@code fromOrganId} (as authenticated or as the
         * package's From); the document it answers is its first ResponseFor, whose DocumentId
         * may have been resolved from its code ({@code documentId}).
         */
        public static Status of(EdocPackage p, String fromOrganId, String documentId, String dedupKey,
                                String direction, String messageId) {
            StaffInfo staff = p.messageHeader().getStaffInfo();
            Instant at;
            try {
                at = p.statusTimestamp().orElse(null);
            } catch (EdxmlException unreadable) {
                at = null; // kept as the package says it in the package itself; the timeline uses our time
            }
            return new Status(fromOrganId, dedupKey, p.respondedOrganId(), documentId,
                    p.respondedCode(), p.statusCode(), p.statusDescription(),
                    staff == null ? null : blankToNull(staff.getDepartment()),
                    staff == null ? null : blankToNull(staff.getStaff()), at, direction, messageId);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public void record(Status s, Instant receivedAt) {
        try {
            jdbc.update("INSERT INTO document_status (from_organ_id, dedup_key, sender_id, document_id,"
                            + " response_code, status_code, description, department, staff, status_time, direction,"
                            + " message_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    s.fromOrganId(), s.dedupKey(), s.senderId(), s.documentId(), cut(s.responseCode(), 256),
                    cut(s.statusCode(), 8), cut(s.description(), 2000), cut(s.department(), 256),
                    cut(s.staff(), 256), s.statusTime() == null ? null : Timestamp.from(s.statusTime()),
                    s.direction(), s.messageId(), Timestamp.from(receivedAt));
        } catch (DuplicateKeyException alreadyRecorded) {
            // the same status seen again keeps its first record
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
