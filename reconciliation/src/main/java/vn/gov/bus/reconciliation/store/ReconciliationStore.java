package vn.gov.bus.reconciliation.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.Discrepancy;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.ReconciliationListener;
import vn.gov.bus.reconciliation.ReconciliationTotals;

/** Reconciliation runs and their findings, for the API and the report publication. */
public class ReconciliationStore {

    /** One stored run. */
    public record Run(long id, String account, LocalDate day, long statementFile, ReconciliationTotals totals,
                      String reportName, Instant createdAt, Instant publishedAt, Instant mailedAt) {
    }

    /** One stored finding. */
    public record StoredDiscrepancy(long seq, DiscrepancyKind kind, String dossierCode, String feeCode, Long paymentId,
                                    Long paymentAmount, Long bankAmount, String reference, String bankRef,
                                    Long bankLine, LocalDate bookingDate, Instant paidAt, String payer, String channel,
                                    String detail) {
    }

    private static final String RUN_COLUMNS = "id, account, statement_day, statement_file, bank_entries, ignored_entries,"
            + " payments, matched, amount_mismatch, paid_not_in_bank, in_bank_not_paid, duplicate_payment, settled_late,"
            + " bank_credited, paid, report_name, created_at, published_at, mailed_at";
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    public ReconciliationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a run (inside the caller's transaction); its totals are written by {@link #close}. */
    public long open(String account, LocalDate day, long statementFile, String reportName) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO reconciliation_run (account, statement_day,"
                    + " statement_file, bank_entries, ignored_entries, payments, matched, amount_mismatch,"
                    + " paid_not_in_bank, in_bank_not_paid, duplicate_payment, settled_late, bank_credited, paid,"
                    + " report_name, created_at) VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, account);
            ps.setObject(2, day);
            ps.setLong(3, statementFile);
            ps.setString(4, reportName);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public void close(long runId, ReconciliationTotals t) {
        jdbc.update("UPDATE reconciliation_run SET bank_entries = ?, ignored_entries = ?, payments = ?, matched = ?,"
                        + " amount_mismatch = ?, paid_not_in_bank = ?, in_bank_not_paid = ?, duplicate_payment = ?,"
                        + " settled_late = ?, bank_credited = ?, paid = ? WHERE id = ?",
                t.bankEntries(), t.ignoredEntries(), t.payments(), t.matched(), t.count(DiscrepancyKind.AMOUNT_MISMATCH),
                t.count(DiscrepancyKind.PAID_NOT_IN_BANK), t.count(DiscrepancyKind.IN_BANK_NOT_PAID),
                t.count(DiscrepancyKind.DUPLICATE_PAYMENT), t.count(DiscrepancyKind.SETTLED_LATE), t.bankCredited(),
                t.paid(), runId);
    }

    /** A listener that stores the findings of a run in batches; {@link Recorder#flush()} at the end. */
    public Recorder recorder(long runId) {
        return new Recorder(runId);
    }

    public Optional<Run> find(long id) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE id = ?", RUN, id).stream().findFirst();
    }

    /** Runs of one account (or all when null) between two days, newest first. */
    public List<Run> list(String account, LocalDate from, LocalDate to, int limit) {
        if (account == null) {
            return jdbc.query("SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE statement_day BETWEEN ? AND ?"
                    + " ORDER BY statement_day DESC, id DESC LIMIT ?", RUN, from, to, limit);
        }
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE account = ? AND statement_day"
                + " BETWEEN ? AND ? ORDER BY statement_day DESC, id DESC LIMIT ?", RUN, account, from, to, limit);
    }

    public List<StoredDiscrepancy> discrepancies(long runId, DiscrepancyKind kind, long offset, int limit) {
        String sql = "SELECT seq, kind, dossier_code, fee_code, payment_id, payment_amount, bank_amount, reference,"
                + " bank_ref, bank_line, booking_date, paid_at, payer, channel, detail FROM reconciliation_discrepancy"
                + " WHERE run_id = ?" + (kind == null ? "" : " AND kind = ?") + " ORDER BY seq LIMIT ? OFFSET ?";
        Object[] args = kind == null ? new Object[] {runId, limit, offset} : new Object[] {runId, kind.name(), limit, offset};
        return jdbc.query(sql, DISCREPANCY, args);
    }

    /** Runs whose report has not reached the outbound folder yet, oldest first. */
    public List<Run> unpublished() {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE published_at IS NULL ORDER BY id", RUN);
    }

    public List<Run> unmailed() {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE published_at IS NOT NULL"
                + " AND mailed_at IS NULL ORDER BY id", RUN);
    }

    public void markPublished(long runId) {
        jdbc.update("UPDATE reconciliation_run SET published_at = ? WHERE id = ? AND published_at IS NULL",
                Timestamp.from(Instant.now()), runId);
    }

    public void markMailed(long runId) {
        jdbc.update("UPDATE reconciliation_run SET mailed_at = ? WHERE id = ? AND mailed_at IS NULL",
                Timestamp.from(Instant.now()), runId);
    }

    /** Stores the findings of one run as they come, a thousand per statement. */
    public final class Recorder implements ReconciliationListener {
        private final long runId;
        private final List<Discrepancy> pending = new ArrayList<>(BATCH);
        private final List<Long> settled = new ArrayList<>();
        private long seq;

        private Recorder(long runId) {
            this.runId = runId;
        }

        @Override
        public void discrepancy(Discrepancy d) {
            pending.add(d);
            if (d.payment() != null && d.entry() != null) {
                // credited, even if wrongly: not offered to the next day's reconciliation again
                settled.add(d.payment().id());
            }
            if (pending.size() == BATCH) {
                flushDiscrepancies();
            }
        }

        @Override
        public void settled(Payment payment, BankEntry entry) {
            settled.add(payment.id());
        }

        /** The ids of the payments this run settled (credited, on time, late or with a wrong amount). */
        public List<Long> settledPayments() {
            return settled;
        }

        public void flush() {
            flushDiscrepancies();
        }

        private void flushDiscrepancies() {
            if (pending.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("INSERT INTO reconciliation_discrepancy (run_id, seq, kind, dossier_code, fee_code,"
                            + " payment_id, payment_amount, bank_amount, reference, bank_ref, bank_line, booking_date,"
                            + " paid_at, payer, channel, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    pending, pending.size(), (PreparedStatement ps, Discrepancy d) -> bind(ps, d));
            pending.clear();
        }

        private void bind(PreparedStatement ps, Discrepancy d) throws SQLException {
            Payment p = d.payment();
            BankEntry e = d.entry();
            ps.setLong(1, runId);
            ps.setLong(2, ++seq);
            ps.setString(3, d.kind().name());
            ps.setString(4, fit(p != null ? p.dossierCode() : e.dossierCode(), 64));
            ps.setString(5, p == null ? null : p.feeCode());
            setLong(ps, 6, p == null ? null : p.id());
            setLong(ps, 7, p == null ? null : p.amount());
            setLong(ps, 8, e == null ? null : e.amount());
            ps.setString(9, fit(p != null ? p.reference() : e.reference(), 64));
            ps.setString(10, e == null ? null : fit(e.bankRef(), 64));
            setLong(ps, 11, e == null ? null : e.line());
            ps.setObject(12, e == null ? null : e.bookingDate());
            ps.setTimestamp(13, p == null ? null : Timestamp.from(p.paidAt()));
            ps.setString(14, p == null ? null : fit(p.payer(), 200));
            ps.setString(15, p == null ? null : p.channel());
            ps.setString(16, fit(d.detail(), 1000));
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    private static String fit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static final RowMapper<Run> RUN = (ResultSet rs, int i) -> {
        Map<DiscrepancyKind, Long> counts = new EnumMap<>(DiscrepancyKind.class);
        counts.put(DiscrepancyKind.AMOUNT_MISMATCH, rs.getLong("amount_mismatch"));
        counts.put(DiscrepancyKind.PAID_NOT_IN_BANK, rs.getLong("paid_not_in_bank"));
        counts.put(DiscrepancyKind.IN_BANK_NOT_PAID, rs.getLong("in_bank_not_paid"));
        counts.put(DiscrepancyKind.DUPLICATE_PAYMENT, rs.getLong("duplicate_payment"));
        counts.put(DiscrepancyKind.SETTLED_LATE, rs.getLong("settled_late"));
        ReconciliationTotals totals = new ReconciliationTotals(rs.getLong("bank_entries"), rs.getLong("ignored_entries"),
                rs.getLong("payments"), rs.getLong("matched"), counts, rs.getLong("bank_credited"), rs.getLong("paid"));
        return new Run(rs.getLong("id"), rs.getString("account"), rs.getObject("statement_day", LocalDate.class),
                rs.getLong("statement_file"), totals, rs.getString("report_name"), instant(rs, "created_at"),
                instant(rs, "published_at"), instant(rs, "mailed_at"));
    };

    private static final RowMapper<StoredDiscrepancy> DISCREPANCY = (ResultSet rs, int i) -> new StoredDiscrepancy(
            rs.getLong("seq"), DiscrepancyKind.valueOf(rs.getString("kind")), rs.getString("dossier_code"),
            rs.getString("fee_code"), (Long) rs.getObject("payment_id", Long.class),
            rs.getObject("payment_amount", Long.class), rs.getObject("bank_amount", Long.class),
            rs.getString("reference"), rs.getString("bank_ref"), rs.getObject("bank_line", Long.class),
            rs.getObject("booking_date", LocalDate.class), instant(rs, "paid_at"), rs.getString("payer"),
            rs.getString("channel"), rs.getString("detail"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
