package vn.gov.bus.reconciliation.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.Discrepancy;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.ReconciliationListener;
import vn.gov.bus.reconciliation.ReconciliationTotals;

/**
 * Writes the discrepancy report of one account and day as the reconciliation streams, in two
 * forms: CSV for the accountants (UTF-8 with a byte-order mark so that spreadsheet programs
 * read the Vietnamese headers right, RFC 4180 quoting) and JSON for machines (the totals come
 * last, since they are known only at the end). Layouts: docs/feeds.md.
 */
public final class DiscrepancyReport implements ReconciliationListener, Closeable {

    /** Column headers of the CSV, in this order (English equivalents in docs/feeds.md). */
    public static final String[] CSV_HEADERS = {
            "Loại sai lệch", "Mã loại", "Mã hồ sơ", "Mã phí", "Số tiền thanh toán (VND)", "Số tiền ghi có (VND)",
            "Người nộp", "Kênh thanh toán", "Mã tham chiếu trung gian", "Thời điểm thanh toán",
            "Ngày hạch toán", "Số tham chiếu ngân hàng", "Dòng sao kê", "Nội dung chuyển khoản", "Diễn giải"};

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final JsonFactory JSON = new JsonFactory();

    private final BufferedWriter csv;
    private final JsonGenerator json;
    private final DateTimeFormatter localTime;
    private long rows;

    public DiscrepancyReport(OutputStream csvOut, OutputStream jsonOut, String account, LocalDate day,
                             String statementFile, Instant generatedAt, ZoneId zone) {
        try {
            csvOut.write(BOM);
            this.csv = new BufferedWriter(new OutputStreamWriter(csvOut, StandardCharsets.UTF_8), 1 << 16);
            this.json = JSON.createGenerator(jsonOut, JsonEncoding.UTF8);
            this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
            csvRow(CSV_HEADERS);
            json.writeStartObject();
            json.writeStringField("account", account);
            json.writeStringField("day", day.toString());
            json.writeStringField("statementFile", statementFile);
            json.writeStringField("generatedAt", generatedAt.toString());
            json.writeArrayFieldStart("discrepancies");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discrepancy(Discrepancy d) {
        Payment p = d.payment();
        BankEntry e = d.entry();
        String dossier = p != null ? p.dossierCode() : e.dossierCode();
        try {
            csvRow(d.kind().vietnamese(), d.kind().name(), dossier, p == null ? null : p.feeCode(),
                    p == null ? null : Long.toString(p.amount()), e == null ? null : Long.toString(e.amount()),
                    p == null ? null : p.payer(), p == null ? null : p.channel(),
                    p != null ? p.reference() : e.reference(),
                    p == null ? null : localTime.format(p.paidAt()),
                    e == null ? null : e.bookingDate().toString(), e == null ? null : e.bankRef(),
                    e == null ? null : Long.toString(e.line()), e == null ? null : e.remittance(), d.detail());
            json.writeStartObject();
            json.writeStringField("kind", d.kind().name());
            json.writeStringField("dossierCode", dossier);
            if (p != null) {
                json.writeObjectFieldStart("payment");
                json.writeNumberField("id", p.id());
                json.writeStringField("feeCode", p.feeCode());
                json.writeNumberField("amount", p.amount());
                json.writeStringField("payer", p.payer());
                json.writeStringField("channel", p.channel());
                json.writeStringField("reference", p.reference());
                json.writeStringField("paidAt", p.paidAt().toString());
                json.writeEndObject();
            }
            if (e != null) {
                json.writeObjectFieldStart("bankEntry");
                json.writeNumberField("line", e.line());
                json.writeStringField("bankRef", e.bankRef());
                json.writeStringField("reference", e.reference());
                json.writeNumberField("amount", e.amount());
                json.writeStringField("bookingDate", e.bookingDate().toString());
                if (e.bookedAt() != null) {
                    json.writeStringField("bookedAt", e.bookedAt().toString());
                }
                json.writeStringField("remittance", e.remittance());
                json.writeEndObject();
            }
            json.writeStringField("detail", d.detail());
            json.writeEndObject();
            rows++;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes the totals and closes both outputs. */
    public void finish(ReconciliationTotals totals) {
        try {
            json.writeEndArray();
            json.writeObjectFieldStart("totals");
            json.writeNumberField("bankEntries", totals.bankEntries());
            json.writeNumberField("ignoredEntries", totals.ignoredEntries());
            json.writeNumberField("payments", totals.payments());
            json.writeNumberField("matched", totals.matched());
            json.writeNumberField("bankCredited", totals.bankCredited());
            json.writeNumberField("paid", totals.paid());
            json.writeObjectFieldStart("discrepancies");
            for (DiscrepancyKind kind : DiscrepancyKind.values()) {
                json.writeNumberField(kind.name(), totals.count(kind));
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        close();
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try (csv; json) {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csvRow(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(quote(cells[i]));
        }
        csv.write("\r\n");
    }

    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        // a leading = + - @ would be run as a formula by spreadsheet programs (CSV injection)
        boolean formula = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell);
        String value = formula ? "'" + cell : cell;
        return needs || formula ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static boolean isNumber(String cell) {
        for (int i = cell.charAt(0) == '-' || cell.charAt(0) == '+' ? 1 : 0; i < cell.length(); i++) {
            if (!Character.isDigit(cell.charAt(i))) {
                return false;
            }
        }
        return cell.length() > 1;
    }
}
