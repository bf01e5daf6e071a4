package vn.gov.bus.reconciliation.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.ReconciliationListener;

/**
 * Tax notices forwarded to the one-stop system, and their settlement: when a reconciliation
 * finds the bank credited a payment of the notice's dossier for the notice's whole amount into
 * the notice's account, the notice is settled and a payment confirmation is owed to the tax
 * authority.
 */
public class TaxNoticeStore {

    /** A notice as stored. */
    public record Notice(String taxOffice, String noticeNumber, String dossierCode, long totalAmount, String account,
                         LocalDate dueDate, String paymentReference, String bankRef, Long paidAmount, Instant paidAt,
                         Instant settledAt, Instant confirmationSentAt) {
    }

    private static final String COLUMNS = "tax_office, notice_number, dossier_code, total_amount, beneficiary_account,"
            + " due_date, payment_reference, bank_ref, paid_amount, paid_at, settled_at, confirmation_sent_at";

    private final JdbcTemplate jdbc;

    public TaxNoticeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this notice (tax office, number) was already stored */
    public boolean insert(String taxOffice, String noticeNumber, String dossierCode, long totalAmount, String account,
                          LocalDate dueDate, long sourceFile) {
        try {
            jdbc.update("INSERT INTO tax_notice (tax_office, notice_number, dossier_code, total_amount, beneficiary_account,"
                            + " due_date, source_file, forwarded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", taxOffice, noticeNumber,
                    dossierCode, totalAmount, account, dueDate, sourceFile, Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** Settled notices whose confirmation has not been delivered yet. */
    public List<Notice> confirmationsDue() {
        return jdbc.query("SELECT " + COLUMNS + " FROM tax_notice WHERE settled_at IS NOT NULL AND confirmation_sent_at IS NULL"
                + " ORDER BY settled_at", (rs, i) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                rs.getObject(9, Long.class), ts(rs.getTimestamp(10)), ts(rs.getTimestamp(11)), ts(rs.getTimestamp(12))));
    }

    public void markConfirmationSent(String taxOffice, String noticeNumber) {
        jdbc.update("UPDATE tax_notice SET confirmation_sent_at = ? WHERE tax_office = ? AND notice_number = ?",
                Timestamp.from(Instant.now()), taxOffice, noticeNumber);
    }

    /**
     * A listener for one reconciliation of {@code account}: it knows that account's unsettled
     * notices (few) and settles them as the matching credits stream by; {@link Settler#flush()}
     * writes them inside the run's transaction.
     */
    public Settler settler(String account) {
        Map<String, List<String[]>> byDossier = new HashMap<>();
        jdbc.query("SELECT tax_office, notice_number, dossier_code, total_amount FROM tax_notice WHERE beneficiary_account = ?"
                + " AND settled_at IS NULL", rs -> {
            byDossier.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                    .add(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(4))});
        }, account);
        return new Settler(byDossier);
    }

    /** Settles notices as matching credits stream by. */
    public final class Settler implements ReconciliationListener {
        private final Map<String, List<String[]>> byDossier;
        private final List<Object[]> settled = new ArrayList<>();

        private Settler(Map<String, List<String[]>> byDossier) {
            this.byDossier = byDossier;
        }

        @Override
        public void discrepancy(vn.gov.bus.reconciliation.Discrepancy discrepancy) {
            // a notice is settled only by a payment credited in full
        }

        @Override
        public void settled(Payment payment, BankEntry entry) {
            List<String[]> notices = byDossier.get(payment.dossierCode());
            if (notices == null) {
                return;
            }
            for (var it = notices.iterator(); it.hasNext(); ) {
                String[] n = it.next();
                if (Long.parseLong(n[2]) == payment.amount()) {
                    settled.add(new Object[] {payment.reference(), entry.bankRef(), payment.amount(),
                            Timestamp.from(payment.paidAt()), Timestamp.from(Instant.now()), n[0], n[1]});
                    it.remove();
                    return;
                }
            }
        }

        public int count() {
            return settled.size();
        }

        public void flush() {
            if (!settled.isEmpty()) {
                jdbc.batchUpdate("UPDATE tax_notice SET payment_reference = ?, bank_ref = ?, paid_amount = ?, paid_at = ?,"
                        + " settled_at = ? WHERE tax_office = ? AND notice_number = ?", settled);
            }
        }
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
