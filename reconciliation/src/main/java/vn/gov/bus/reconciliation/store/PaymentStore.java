package vn.gov.bus.reconciliation.store;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.reconciliation.Payment;

/** The fee payments exported by the portal, kept until a bank statement settles them. */
public class PaymentStore {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public PaymentStore(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /**
     * Stores the payments of one export file (inside the caller's transaction), in batches.
     * {@code payment.id()} is taken as the line in the file.
     *
     * @return how many were stored
     */
    public long insert(long sourceFile, Iterator<Payment> payments) {
        List<Payment> batch = new ArrayList<>(BATCH);
        long total = 0;
        while (payments.hasNext()) {
            batch.add(payments.next());
            if (batch.size() == BATCH) {
                total += flush(sourceFile, batch);
            }
        }
        return total + flush(sourceFile, batch);
    }

    private int flush(long sourceFile, List<Payment> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("INSERT INTO fee_payment (account, dossier_code, fee_code, amount, payer, channel, reference,"
                        + " paid_at, paid_day, source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch, batch.size(), (PreparedStatement ps, Payment p) -> {
                    ps.setString(1, p.account());
                    ps.setString(2, p.dossierCode());
                    ps.setString(3, p.feeCode());
                    ps.setLong(4, p.amount());
                    ps.setString(5, p.payer());
                    ps.setString(6, p.channel());
                    ps.setString(7, p.reference());
                    ps.setTimestamp(8, Timestamp.from(p.paidAt()));
                    ps.setObject(9, LocalDate.ofInstant(p.paidAt(), zone));
                    ps.setLong(10, sourceFile);
                    ps.setLong(11, p.id());
                });
        int n = batch.size();
        batch.clear();
        return n;
    }

    /**
     * The unsettled payments into {@code account} made on {@code day} or the {@code lookbackDays}
     * days before; {@link Payment#id()} is the row id.
     */
    public List<Payment> unsettled(String account, LocalDate day, int lookbackDays) {
        return jdbc.query("SELECT id, dossier_code, fee_code, amount, payer, channel, reference, paid_at, account"
                        + " FROM fee_payment WHERE account = ? AND paid_day BETWEEN ? AND ? AND settled_by IS NULL"
                        + " ORDER BY id",
                (rs, i) -> new Payment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)),
                account, day.minusDays(lookbackDays), day);
    }

    /** Marks payments settled by a run (inside the run's transaction). */
    public void settle(long runId, List<Long> paymentIds) {
        for (int from = 0; from < paymentIds.size(); from += BATCH) {
            List<Long> part = paymentIds.subList(from, Math.min(paymentIds.size(), from + BATCH));
            jdbc.batchUpdate("UPDATE fee_payment SET settled_by = ? WHERE id = ?", part, part.size(),
                    (PreparedStatement ps, Long id) -> {
                        ps.setLong(1, runId);
                        ps.setLong(2, id);
                    });
        }
    }

}
