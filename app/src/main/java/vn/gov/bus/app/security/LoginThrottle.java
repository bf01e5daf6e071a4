package vn.gov.bus.app.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per username and per client address in the bus's database (table
 * {@code login_throttle}, V9), so that all nodes behind a load balancer share one count. A row is
 * read {@code FOR UPDATE} inside a transaction: two nodes counting the same username at once
 * serialise on it instead of losing a failure.
 */
public final class LoginThrottle {

    /** What a failure did: counted, or it started a lock (reported once, for the audit log). */
    public record Failure(boolean lockedNow, Instant lockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecurityProperties.LoginThrottle settings;
    private final Clock clock;

    public LoginThrottle(JdbcTemplate jdbc, TransactionTemplate transactions, SecurityProperties.LoginThrottle settings,
                         Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when logins of this username or from this address are refused, if they are. */
    public Optional<Instant> lockedUntil(String username, String address) {
        long now = clock.millis();
        List<Long> until = jdbc.queryForList("SELECT locked_until FROM login_throttle WHERE throttle_key IN (?, ?)"
                + " AND locked_until > ?", Long.class, userKey(username), addressKey(address), now);
        return until.stream().max(Long::compare).map(Instant::ofEpochMilli);
    }

    public Failure failed(String username, String address) {
        Failure byUser = count(userKey(username), settings.maxFailures());
        Failure byAddress = count(addressKey(address), settings.addressMaxFailures());
        Instant until = byUser.lockedUntil() == null ? byAddress.lockedUntil()
                : byAddress.lockedUntil() == null || byUser.lockedUntil().isAfter(byAddress.lockedUntil())
                ? byUser.lockedUntil() : byAddress.lockedUntil();
        return new Failure(byUser.lockedNow() || byAddress.lockedNow(), until);
    }

    /** A successful login forgets the username's failures (not the address's: one good account must not unlock guessing). */
    public void succeeded(String username) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", userKey(username));
    }

    private Failure count(String key, int max) {
        try {
            return transactions.execute(tx -> countInTransaction(key, max));
        } catch (DuplicateKeyException anotherNodeInsertedFirst) {
            return transactions.execute(tx -> countInTransaction(key, max));
        }
    }

    private Failure countInTransaction(String key, int max) {
        long now = clock.millis();
        List<long[]> rows = jdbc.query("SELECT failures, window_start, locked_until FROM login_throttle"
                        + " WHERE throttle_key = ? FOR UPDATE",
                (rs, i) -> new long[] {rs.getInt(1), rs.getLong(2), rs.getObject(3) == null ? 0 : rs.getLong(3)}, key);
        if (rows.isEmpty()) {
            return store(key, true, 1, now, max, now);
        }
        long[] row = rows.get(0);
        if (row[2] > now) {
            return new Failure(false, Instant.ofEpochMilli(row[2]));
        }
        boolean windowOver = now - row[1] > settings.window().toMillis() || row[2] != 0;
        return windowOver ? store(key, false, 1, now, max, now) : store(key, false, (int) row[0] + 1, row[1], max, now);
    }

    private Failure store(String key, boolean insert, int failures, long windowStart, int max, long now) {
        Long lockedUntil = failures >= max ? now + settings.lockDuration().toMillis() : null;
        int stored = failures >= max ? 0 : failures;
        if (insert) {
            jdbc.update("INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)",
                    key, stored, windowStart, lockedUntil);
        } else {
            jdbc.update("UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ? WHERE throttle_key = ?",
                    stored, windowStart, lockedUntil, key);
        }
        return new Failure(lockedUntil != null, lockedUntil == null ? null : Instant.ofEpochMilli(lockedUntil));
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
