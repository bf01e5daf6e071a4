package vn.gov.bus.core.state;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.bus.core.edxml.AgencyCodes;

/**
 * Applies the national directory from the axis to table {@code agency}, changing only what
 * changed: a full sync is ~110,000 entries, and rewriting every row every few hours would churn
 * the database for nothing. Only rows with source {@code AXIS} are ever inserted, updated or
 * deleted; a seeded or operator row with the same code is a local override (channel, mail,
 * token, signature policy) and is left alone. All changes go in one transaction, so a failed
 * sync leaves the previous directory whole.
 */
public class DirectorySynchronizer {

    public static final String SOURCE_AXIS = "AXIS";
    static final String NEW_ROW_SIGNATURE_POLICY = "REJECT_UNSIGNED";
    static final int BATCH_SIZE = 1_000;

    // column sizes of V1__agencies_messages_deliveries.sql
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 512;
    private static final int MAX_MAIL = 320;
    private static final int SAMPLE = 10;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public DirectorySynchronizer(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transaction = new TransactionTemplate(
                new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource(), "dataSource")));
    }

    /**
     * Makes the AXIS rows of the directory equal to {@code entries}.
     *
     * @throws IllegalArgumentException when the list is empty: an empty answer is far likelier an
     *         axis fault than the end of the Vietnamese state, and would delete every AXIS row
     */
    public SyncReport synchronise(List<AxisDirectoryEntry> entries) {
        long started = System.nanoTime();
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("the axis directory is empty; keeping the current directory");
        }
        Wanted wanted = normalise(entries);
        Counts counts = transaction.execute(status -> apply(wanted.rows));
        return new SyncReport(entries.size(), counts.inserted, counts.updated, counts.deleted, counts.unchanged,
                counts.localOverrides, wanted.skipped, wanted.nonConforming, wanted.nonConformingSample,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Wanted normalise(List<AxisDirectoryEntry> entries) {
        // the axis links parents by its own ids; the bus links them by agency code
        Map<String, String> codeById = new HashMap<>(entries.size() * 2);
        for (AxisDirectoryEntry e : entries) {
            String code = trimToNull(e.code());
            if (e.id() != null && code != null) {
                codeById.putIfAbsent(e.id().trim(), code);
            }
        }
        Wanted wanted = new Wanted(new LinkedHashMap<>(entries.size() * 2));
        for (AxisDirectoryEntry e : entries) {
            String code = trimToNull(e.code());
            if (code == null || code.length() > MAX_CODE || wanted.rows.containsKey(code)) {
                wanted.skipped++;
                continue;
            }
            if (!AgencyCodes.conforms(code)) {
                wanted.nonConforming++;
                if (wanted.nonConformingSample.size() < SAMPLE) {
                    wanted.nonConformingSample.add(code);
                }
            }
            String name = trimToNull(e.name());
            name = name == null ? code : truncate(name, MAX_NAME);
            String mail = trimToNull(e.mail());
            if (mail != null && mail.length() > MAX_MAIL) {
                mail = null;
            }
            String pid = trimToNull(e.pid());
            String parent = pid == null ? null : codeById.get(pid);
            if (code.equals(parent)) {
                parent = null;
            }
            wanted.rows.put(code, new Row(name, mail, parent));
        }
        return wanted;
    }

    private Counts apply(Map<String, Row> wanted) {
        Map<String, Row> axisRows = new HashMap<>(wanted.size() * 2);
        Set<String> localRows = new HashSet<>();
        jdbc.query("SELECT organ_id, name, mail, parent_id, source FROM agency", rs -> {
            String code = rs.getString(1);
            if (SOURCE_AXIS.equals(rs.getString(5))) {
                axisRows.put(code, new Row(rs.getString(2), rs.getString(3), rs.getString(4)));
            } else {
                localRows.add(code);
            }
        });
        Counts counts = new Counts();
        List<Map.Entry<String, Row>> inserts = new ArrayList<>();
        List<Map.Entry<String, Row>> updates = new ArrayList<>();
        for (Map.Entry<String, Row> e : wanted.entrySet()) {
            if (localRows.contains(e.getKey())) {
                counts.localOverrides++;
                continue;
            }
            Row current = axisRows.get(e.getKey());
            if (current == null) {
                inserts.add(e);
            } else if (current.equals(e.getValue())) {
                counts.unchanged++;
            } else {
                updates.add(e);
            }
        }
        List<String> deletes = new ArrayList<>();
        for (String code : axisRows.keySet()) {
            if (!wanted.containsKey(code)) {
                deletes.add(code);
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("INSERT INTO agency (organ_id, name, channel, mail, signature_policy, parent_id, source,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts, BATCH_SIZE, (ps, e) -> {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue().name());
                    ps.setString(3, Channel.AXIS.name());
                    ps.setString(4, e.getValue().mail());
                    ps.setString(5, NEW_ROW_SIGNATURE_POLICY);
                    ps.setString(6, e.getValue().parentId());
                    ps.setString(7, SOURCE_AXIS);
                    ps.setTimestamp(8, now);
                });
        // the source condition keeps a row an operator took over since the read above untouched
        int[][] updated = jdbc.batchUpdate("UPDATE agency SET name = ?, mail = ?, parent_id = ?, updated_at = ?"
                        + " WHERE organ_id = ? AND source = '" + SOURCE_AXIS + "'", updates, BATCH_SIZE, (ps, e) -> {
                    ps.setString(1, e.getValue().name());
                    ps.setString(2, e.getValue().mail());
                    ps.setString(3, e.getValue().parentId());
                    ps.setTimestamp(4, now);
                    ps.setString(5, e.getKey());
                });
        int[][] deleted = jdbc.batchUpdate("DELETE FROM agency WHERE organ_id = ? AND source = '" + SOURCE_AXIS + "'",
                deletes, BATCH_SIZE, (ps, code) -> ps.setString(1, code));
        counts.inserted = inserts.size();
        counts.updated = rows(updated);
        counts.deleted = rows(deleted);
        return counts;
    }

    private static int rows(int[][] batches) {
        int n = 0;
        for (int[] batch : batches) {
            for (int count : batch) {
                // some drivers answer SUCCESS_NO_INFO (-2) for a statement that did run
                n += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
            }
        }
        return n;
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        // do not cut a surrogate pair in half
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private record Row(String name, String mail, String parentId) {
    }

    private static final class Wanted {
        final Map<String, Row> rows;
        final List<String> nonConformingSample = new ArrayList<>();
        int skipped;
        int nonConforming;

        Wanted(Map<String, Row> rows) {
            this.rows = rows;
        }
    }

    private static final class Counts {
        int inserted;
        int updated;
        int deleted;
        int unchanged;
        int localOverrides;
    }
}
