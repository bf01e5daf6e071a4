package vn.gov.bus.connectors.feeds;

import java.io.Closeable;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import vn.gov.bus.reconciliation.Payment;

/**
 * The payment export of the portal / payment platform, CSV layout (docs/feeds.md): one header
 * row, then one payment per row. Streams: one row in memory at a time. {@link Payment#id()} is
 * the row's line number.
 */
public final class PaymentCsvReader implements Iterator<Payment>, Closeable {

    public static final String[] HEADER = {"dossier_code", "fee_code", "amount", "payer", "channel", "reference",
            "paid_at", "beneficiary_account"};

    private final CsvLines lines;
    private final DossierCodes dossierCodes;
    private Payment next;

    public PaymentCsvReader(InputStream in, DossierCodes dossierCodes) {
        this.lines = new CsvLines(in);
        this.dossierCodes = dossierCodes;
        lines.requireHeader(HEADER, "payments");
        advance();
    }

    private void advance() {
        String[] row = lines.next();
        if (row == null) {
            next = null;
            return;
        }
        long line = lines.line();
        if (row.length != HEADER.length) {
            throw new FeedRejectedException("LAYOUT", "Dòng %d: %d cột, cần %d / line %d: %d columns, %d expected"
                    .formatted(line, row.length, HEADER.length, line, row.length, HEADER.length));
        }
        next = PaymentFields.payment(line, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], dossierCodes);
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Payment next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Payment current = next;
        advance();
        return current;
    }

    @Override
    public void close() {
        lines.close();
    }
}
