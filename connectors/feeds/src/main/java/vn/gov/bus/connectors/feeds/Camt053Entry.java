package vn.gov.bus.connectors.feeds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.gov.bus.reconciliation.BankEntry;

/**
 * The fields of one {@code Ntry} that reconciliation needs, collected while the entry streams by
 * (one instance, reset for each entry), then checked against the bus's rules beyond the schema
 * and turned into a {@link BankEntry}. See the table in {@code docs/feeds.md}.
 */
final class Camt053Entry {

    /** ISO 20022: "the ordering party gave none" */
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private final ZoneId zone;
    private final DossierCodes dossierCodes;
    private final StringBuilder remittance = new StringBuilder(160);
    private long line;
    private String currency;
    private long amount;
    private String notWhole;
    private boolean creditCode;
    private boolean booked;
    private boolean reversal;
    private String bookingDate;
    private String bookingTime;
    private String bankRef;
    private String additionalInfo;
    private String endToEndId;
    private String transactionId;
    private String reference;
    private int remittanceParts;

    Camt053Entry(ZoneId zone, DossierCodes dossierCodes) {
        this.zone = zone;
        this.dossierCodes = dossierCodes;
    }

    /** A new {@code Ntry} starts at this line. */
    void start(long line) {
        this.line = line;
        currency = null;
        amount = 0;
        notWhole = null;
        creditCode = false;
        booked = false;
        reversal = false;
        bookingDate = null;
        bookingTime = null;
        bankRef = null;
        additionalInfo = null;
        reference = null;
        remittance.setLength(0);
        remittanceParts = 0;
    }

    void currency(String ccy) {
        currency = ccy;
    }

    /** {@code Amt}: a non-negative decimal of at most 18 digits (schema), whole VND (bus). */
    void amount(CharSequence text) {
        String s = text.toString().trim();
        if (!s.isEmpty() && s.length() <= 18 && allDigits(s)) {
            amount = Long.parseLong(s);
            return;
        }
        BigDecimal value = new BigDecimal(s);
        try {
            amount = value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException fraction) {
            notWhole = value.toPlainString();
        }
    }

    void creditDebit(CharSequence code) {
        creditCode = "CRDT".contentEquals(code);
    }

    void status(CharSequence code) {
        booked = "BOOK".contentEquals(code);
    }

    /** {@code RvslInd}, an {@code xs:boolean}. */
    void reversal(CharSequence value) {
        String s = value.toString().trim();
        reversal = s.equals("true") || s.equals("1");
    }

    void bookingDate(String text) {
        bookingDate = text;
    }

    void bookingTime(String text) {
        bookingTime = text;
    }

    void bankRef(String text) {
        bankRef = text;
    }

    void additionalInfo(String text) {
        additionalInfo = text;
    }

    /** A {@code TxDtls/Refs} starts. */
    void refsStart() {
        endToEndId = null;
        transactionId = null;
    }

    void endToEndId(String text) {
        endToEndId = text;
    }

    void transactionId(String text) {
        transactionId = text;
    }

    /** The first {@code Refs} that names a reference gives the entry's: EndToEndId, else TxId. */
    void refsEnd() {
        if (reference == null) {
            String r = endToEndId != null ? endToEndId : transactionId;
            reference = r == null || r.equals(NOT_PROVIDED) ? null : r;
        }
    }

    /** Each {@code Ustrd} of each transaction, in order, joined by a space. */
    void unstructured(String text) {
        if (remittanceParts++ > 0) {
            remittance.append(' ');
        }
        remittance.append(text);
    }

    /** The entry, once its end tag has been validated; a rule of the bus broken → {@code FIELD}. */
    BankEntry finish() {
        if (!"VND".equals(currency)) {
            throw error("Amt/@Ccy", "tiền tệ phải là VND, là %s / the currency must be VND, is %s"
                    .formatted(currency, currency));
        }
        if (notWhole != null) {
            throw error("Amt", "%s không phải số đồng nguyên / %s is not a whole number of dong".formatted(notWhole, notWhole));
        }
        if (bookingDate == null && bookingTime == null) {
            throw error("BookgDt", "bắt buộc để đối soát / required for reconciliation");
        }
        LocalDate day;
        Instant bookedAt = null;
        if (bookingTime != null) {
            bookedAt = Camt053Values.instant(bookingTime, zone);
            day = LocalDate.ofInstant(bookedAt, zone);
        } else {
            day = Camt053Values.date(bookingDate);
        }
        String text = remittanceParts > 0 ? remittance.toString() : additionalInfo;
        boolean credit = creditCode && booked && !reversal;
        return new BankEntry(line, bankRef, reference, amount, credit, day, bookedAt, text, dossierCodes.find(text));
    }

    private FeedRejectedException error(String field, String rule) {
        return new FeedRejectedException("FIELD", "Ntry ở dòng %d, %s: %s / Ntry at line %d, %s: %s"
                .formatted(line, field, rule, line, field, rule));
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
