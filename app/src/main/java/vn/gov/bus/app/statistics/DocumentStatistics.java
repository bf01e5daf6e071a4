package vn.gov.bus.app.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts documents per agency and period from what the bus itself holds: the packages it accepted
 * ({@code message}), its delivery ledger ({@code delivery}), the business statuses it carried
 * ({@code document_status}, QCVN 102:2016 codes 02, 06, 15) and the documents' deadlines
 * ({@code document_due_date}). The exact definitions are in docs/observability.md; rows are read
 * and summed here rather than grouped in SQL, because bucketing by local day, month and quarter
 * is not portable between H2 and PostgreSQL.
 */
public class DocumentStatistics {

    private static final String SENT = "SELECT m.sender_id, m.document_id, MIN(m.accepted_at) AS at FROM message m"
            + " WHERE m.message_type = 'EDOC' AND m.accepted_at >= ? AND m.accepted_at < ? AND (CAST(? AS VARCHAR(64)) IS NULL OR m.sender_id = ?)"
            + " GROUP BY m.sender_id, m.document_id";

    private static final String RECEIVED = "SELECT d.recipient_id, d.sender_id, d.document_id, d.updated_at AS at,"
            + " (SELECT MIN(COALESCE(s.status_time, s.received_at)) FROM document_status s"
            + "   WHERE s.from_organ_id = d.recipient_id AND s.sender_id = d.sender_id AND s.document_id = d.document_id"
            + "   AND s.status_code = '06') AS handled_at,"
            + " (SELECT COUNT(*) FROM document_status s WHERE s.from_organ_id = d.recipient_id"
            + "   AND s.sender_id = d.sender_id AND s.document_id = d.document_id AND s.status_code = '02') AS rejections,"
            + " (SELECT COUNT(*) FROM document_status s WHERE s.from_organ_id = d.recipient_id"
            + "   AND s.sender_id = d.sender_id AND s.document_id = d.document_id AND s.status_code = '15')"
            + " + (SELECT COUNT(*) FROM pending_document p WHERE p.recipient_id = d.recipient_id"
            + "   AND p.sender_id = d.sender_id AND p.document_id = d.document_id AND p.withdrawn_at IS NOT NULL)"
            + "   AS withdrawals,"
            + " (SELECT MIN(t.due_date) FROM document_due_date t WHERE t.sender_id = d.sender_id"
            + "   AND t.document_id = d.document_id) AS due_date"
            + " FROM delivery d WHERE d.message_type = 'EDOC' AND d.state = 'DELIVERED'"
            + " AND d.updated_at >= ? AND d.updated_at < ? AND (CAST(? AS VARCHAR(64)) IS NULL OR d.recipient_id = ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DocumentStatistics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public StatisticsReport report(StatisticsQuery q) {
        Timestamp start = Timestamp.from(q.from().atStartOfDay(q.zone()).toInstant());
        Timestamp end = Timestamp.from(q.to().plusDays(1).atStartOfDay(q.zone()).toInstant());
        Map<Key, Counts> cells = new TreeMap<>();
        jdbc.query(SENT, rs -> {
            cell(cells, q, rs.getString("sender_id"), time(rs, "at")).sent++;
        }, start, end, q.agency(), q.agency());
        // one count per (recipient, document), whatever the number of ledger rows it has
        Set<List<String>> seen = new HashSet<>();
        jdbc.query(RECEIVED, rs -> {
            String recipient = rs.getString("recipient_id");
            if (!seen.add(List.of(recipient, rs.getString("sender_id"), rs.getString("document_id")))) {
                return;
            }
            Counts c = cell(cells, q, recipient, time(rs, "at"));
            c.received++;
            OffsetDateTime handledAt = time(rs, "handled_at");
            if (handledAt != null) {
                c.handled++;
                Date due = rs.getDate("due_date");
                if (due == null || !handledAt.atZoneSameInstant(q.zone()).toLocalDate().isAfter(due.toLocalDate())) {
                    c.handledOnTime++;
                }
            } else if (rs.getLong("rejections") > 0) {
                c.rejected++;
            } else if (rs.getLong("withdrawals") > 0) {
                c.withdrawn++;
            } else {
                c.pending++;
            }
        }, start, end, q.agency(), q.agency());
        Map<String, String> names = names(cells.keySet());
        List<StatisticsRow> rows = new ArrayList<>();
        cells.forEach((key, c) -> rows.add(new StatisticsRow(key.agency(), names.get(key.agency()),
                q.period().key(key.periodStart()), key.periodStart(), q.period().end(key.periodStart()),
                c.sent, c.received, c.pending, c.rejected, c.handled, c.handledOnTime, c.withdrawn)));
        return new StatisticsReport(q.from(), q.to(), q.agency(), q.period().label(), q.zone().getId(),
                clock.instant(), rows, StatisticsReport.Totals.of(rows));
    }

    private static Counts cell(Map<Key, Counts> cells, StatisticsQuery q, String agency, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(q.zone()).toLocalDate();
        return cells.computeIfAbsent(new Key(agency, q.period().start(day)), k -> new Counts());
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private Map<String, String> names(Set<Key> keys) {
        Map<String, String> names = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        keys.forEach(k -> wanted.add(k.agency()));
        if (wanted.isEmpty()) {
            return names;
        }
        String marks = String.join(",", java.util.Collections.nCopies(wanted.size(), "?"));
        jdbc.query("SELECT organ_id, name FROM agency WHERE organ_id IN (" + marks + ")",
                rs -> {
                    names.put(rs.getString("organ_id"), rs.getString("name"));
                }, wanted.toArray());
        return names;
    }

    private record Key(String agency, LocalDate periodStart) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::agency).thenComparing(Key::periodStart);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private static final class Counts {
        long sent;
        long received;
        long pending;
        long rejected;
        long handled;
        long handledOnTime;
        long withdrawn;
    }

    /** Whether {@code organId} is in the agency directory. */
    public boolean knowsAgency(String organId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM agency WHERE organ_id = ?", Integer.class, organId);
        return n != null && n > 0;
    }
}
