package vn.gov.bus.connectors.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry's last answer per code, in table {@code registry_cache} (Flyway V5), so that it
 * survives restarts and is shared by every bus node on the same database. Fresh for
 * {@code lifetime}; kept after that, for a stale answer while the registry is down.
 */
public class EnterpriseCache {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseCache.class);
    private static final int MAX_ANSWER_CHARS = 32_000;

    private final JdbcTemplate jdbc;
    private final Duration lifetime;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // an answer written by a newer bus version is still readable
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public EnterpriseCache(JdbcTemplate jdbc, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Optional<Entry> find(String code) {
        return jdbc.query("SELECT answer, fetched_at FROM registry_cache WHERE code = ?",
                (rs, n) -> new Entry(read(rs.getString("answer")), rs.getTimestamp("fetched_at").toInstant()),
                code).stream().findFirst();
    }

    /** Keeps the registry's answer fetched now (replacing any older one). */
    public Entry put(Enterprise enterprise) {
        Instant now = clock.instant();
        String answer = write(enterprise);
        if (answer.length() > MAX_ANSWER_CHARS) {
            // far beyond any real record (hundreds of business lines): answered, not kept
            log.warn("registry answer for {} is {} characters, the cache keeps at most {}: not cached",
                    enterprise.code(), answer.length(), MAX_ANSWER_CHARS);
            return new Entry(enterprise, now);
        }
        Timestamp fetchedAt = Timestamp.from(now);
        int updated = jdbc.update("UPDATE registry_cache SET kind = ?, answer = ?, fetched_at = ? WHERE code = ?",
                enterprise.kind().name(), answer, fetchedAt, enterprise.code());
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO registry_cache (code, kind, answer, fetched_at) VALUES (?, ?, ?, ?)",
                        enterprise.code(), enterprise.kind().name(), answer, fetchedAt);
            } catch (org.springframework.dao.DuplicateKeyException concurrentInsert) {
                // another lookup of the same code stored it first: its answer is as fresh as ours
            }
        }
        return new Entry(enterprise, now);
    }

    /** Forgets a code the registry no longer knows. */
    public void remove(String code) {
        jdbc.update("DELETE FROM registry_cache WHERE code = ?", code);
    }

    public int size() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM registry_cache", Integer.class);
    }

    /** One cached answer and when the registry gave it. */
    public final class Entry {
        private final Enterprise enterprise;
        private final Instant fetchedAt;

        Entry(Enterprise enterprise, Instant fetchedAt) {
            this.enterprise = enterprise;
            this.fetchedAt = fetchedAt;
        }

        public Enterprise enterprise() {
            return enterprise;
        }

        public Instant fetchedAt() {
            return fetchedAt;
        }

        public Duration age() {
            Duration age = Duration.between(fetchedAt, clock.instant());
            return age.isNegative() ? Duration.ZERO : age;
        }

        public boolean fresh() {
            return age().compareTo(lifetime) < 0;
        }
    }

    private String write(Enterprise enterprise) {
        try {
            return json.writeValueAsString(enterprise);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Enterprise record always serialises", e);
        }
    }

    private Enterprise read(String answer) {
        try {
            return json.readValue(answer, Enterprise.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable registry_cache answer: " + e.getOriginalMessage(), e);
        }
    }
}
