package vn.gov.bus.connectors.feeds;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import vn.gov.bus.reconciliation.BankEntry;

/**
 * The CSV layout of a bank statement (docs/feeds.md) for banks that do not send camt.053: one
 * header row, then one entry per row, all of one account and one booking day.
 */
public final class BankCsvReader implements StatementReader {

    public static final String[] HEADER = {"account", "booking_date", "booked_at", "bank_ref", "reference", "amount",
            "direction", "remittance"};

    private final CsvLines lines;
    private final DossierCodes dossierCodes;
    private final String account;
    private final LocalDate day;
    private BankEntry next;

    public BankCsvReader(InputStream in, DossierCodes dossierCodes) {
        this.lines = new CsvLines(in);
        this.dossierCodes = dossierCodes;
        lines.requireHeader(HEADER, "bank statement");
        String[] first = lines.next();
        if (first == null) {
            throw new FeedRejectedException("LAYOUT", "Sao kê không có dòng nào sau tiêu đề; một ngày không có giao dịch"
                    + " vẫn cần một dòng số dư 0 / the statement has no rows after the header");
        }
        checkWidth(first);
        this.account = Fields.required(first[0], lines.line(), "account", 34);
        this.day = Fields.date(first[1], lines.line(), "booking_date");
        this.next = entry(first);
    }

    private void checkWidth(String[] row) {
        if (row.length != HEADER.length) {
            long line = lines.line();
            throw new FeedRejectedException("LAYOUT", "Dòng %d: %d cột, cần %d / line %d: %d columns, %d expected"
                    .formatted(line, row.length, HEADER.length, line, row.length, HEADER.length));
        }
    }

    private BankEntry entry(String[] row) {
        long line = lines.line();
        String rowAccount = Fields.required(row[0], line, "account", 34);
        if (!rowAccount.equals(account == null ? rowAccount : account)) {
            throw FeedRejectedException.field(line, "account", "tài khoản %s khác tài khoản của sao kê %s / account %s differs from the statement's %s"
                    .formatted(rowAccount, account, rowAccount, account));
        }
        LocalDate booking = Fields.date(row[1], line, "booking_date");
        if (day != null && !booking.equals(day)) {
            throw FeedRejectedException.field(line, "booking_date", "ngày %s khác ngày của sao kê %s (một tệp một ngày) / %s differs from the statement's day %s (one day per file)"
                    .formatted(booking, day, booking, day));
        }
        String bookedAtText = Fields.optional(row[2], line, "booked_at", 40);
        Instant bookedAt = bookedAtText == null ? null : Fields.instant(bookedAtText, line, "booked_at");
        String direction = Fields.required(row[6], line, "direction", 1);
        if (!direction.equals("C") && !direction.equals("D")) {
            throw FeedRejectedException.field(line, "direction", "phải là C (ghi có) hoặc D (ghi nợ) / must be C (credit) or D (debit)");
        }
        String remittance = Fields.optional(row[7], line, "remittance", 500);
        return new BankEntry(line, Fields.optional(row[3], line, "bank_ref", 64), Fields.optional(row[4], line, "reference", 64),
                Fields.vnd(row[5], line, "amount"), direction.equals("C"), booking, bookedAt, remittance,
                dossierCodes.find(remittance));
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public LocalDate day() {
        return day;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public BankEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        BankEntry current = next;
        String[] row = lines.next();
        if (row == null) {
            next = null;
        } else {
            checkWidth(row);
            next = entry(row);
        }
        return current;
    }

    @Override
    public void close() {
        lines.close();
    }
}
