package vn.gov.bus.core.state;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Every file taken from a feed's drop box, by (feed, name, SHA-256 of the content): the
 * persistent de-duplication of the file feeds. A file is recorded in the same database
 * transaction as what it produced, so a file that was processed but not yet moved when the
 * bus stopped is recognised when it is seen again, and not processed twice.
 */
public class FeedFileLedger {

    public enum Status { PROCESSED, REJECTED }

    /** One recorded file. */
    public record Entry(long id, String feed, String name, String sha256, long size, Status status, String detail,
                        Instant receivedAt) {
    }

    private final JdbcTemplate jdbc;

    public FeedFileLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(String feed, String name, String sha256) {
        return jdbc.query("SELECT id, feed, name, sha256, size_bytes, status, detail, received_at FROM feed_file"
                        + " WHERE feed = ? AND name = ? AND sha256 = ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Status.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant()),
                feed, name, sha256).stream().findFirst();
    }

    /**
     * Records a file; throws {@link org.springframework.dao.DuplicateKeyException} when the same
     * (feed, name, content) is already recorded (another node or an earlier attempt won).
     *
     * @return the id of the new row, which names the file in {@code .done/} and {@code .error/}
     */
    public long record(String feed, String name, String sha256, long size, Status status, String detail) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO feed_file (feed, name, sha256, size_bytes, status,"
                    + " detail, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, feed);
            ps.setString(2, name);
            ps.setString(3, sha256);
            ps.setLong(4, size);
            ps.setString(5, status.name());
            ps.setString(6, detail == null ? null : detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }
}
