package vn.gov.bus.core.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agency directory: who exists, how to reach them, and how local systems authenticate. */
public class AgencyDirectory {

    private static final String COLUMNS =
            "organ_id, name, channel, mail, signature_policy, parent_id, source";

    private final JdbcTemplate jdbc;

    public AgencyDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Agency> find(String organId) {
        if (organId == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM agency WHERE organ_id = ?",
                AgencyDirectory::map, organId).stream().findFirst();
    }

    /** The agency whose mail address this is (case-insensitive), for mails arriving at the bus. */
    public Optional<Agency> findByMail(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM agency WHERE LOWER(mail) = ? ORDER BY organ_id",
                AgencyDirectory::map, address.strip().toLowerCase(java.util.Locale.ROOT)).stream().findFirst();
    }

    public List<Agency> list(Channel channel) {
        return jdbc.query("SELECT " + COLUMNS + " FROM agency WHERE channel = ? ORDER BY organ_id",
                AgencyDirectory::map, channel.name());
    }

    public List<Agency> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM agency ORDER BY organ_id", AgencyDirectory::map);
    }

    /** True when the organ id exists, may use the hub, and the token matches its stored hash. */
    public boolean authenticate(String organId, String token) {
        List<String> hashes = jdbc.queryForList(
                "SELECT token_sha256 FROM agency WHERE organ_id = ? AND channel = 'LOCAL'",
                String.class, organId);
        // Hash even when the agency is unknown so the answer time does not reveal which ids exist.
        String stored = hashes.isEmpty() || hashes.get(0) == null ? Tokens.sha256Hex("") : hashes.get(0);
        boolean match = Tokens.matches(token == null ? "" : token, stored);
        return match && !hashes.isEmpty() && hashes.get(0) != null;
    }

    /** Inserts or replaces an agency (seed and synchronisation use this). */
    public void upsert(Agency agency, String tokenSha256) {
        if (!update(agency, tokenSha256)) {
            try {
                insert(agency, tokenSha256);
            } catch (org.springframework.dao.DuplicateKeyException anotherNodeInsertedIt) {
                // several nodes seeding one database at the same start: the row exists now, update it
                update(agency, tokenSha256);
            }
        }
    }

    private boolean update(Agency agency, String tokenSha256) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.update("UPDATE agency SET name = ?, channel = ?, mail = ?, token_sha256 = ?,"
                        + " signature_policy = ?, parent_id = ?, source = ?, updated_at = ? WHERE organ_id = ?",
                agency.name(), agency.channel().name(), agency.mail(), tokenSha256,
                agency.signaturePolicy(), agency.parentId(), agency.source(), now, agency.organId()) > 0;
    }

    private void insert(Agency agency, String tokenSha256) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO agency (organ_id, name, channel, mail, token_sha256, signature_policy,"
                        + " parent_id, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                agency.organId(), agency.name(), agency.channel().name(), agency.mail(), tokenSha256,
                agency.signaturePolicy(), agency.parentId(), agency.source(), now);
    }

    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM agency", Integer.class);
        return n == null ? 0 : n;
    }

    private static Agency map(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("organ_id"), rs.getString("name"),
                Channel.valueOf(rs.getString("channel")), rs.getString("mail"),
                rs.getString("signature_policy"), rs.getString("parent_id"), rs.getString("source"));
    }
}
