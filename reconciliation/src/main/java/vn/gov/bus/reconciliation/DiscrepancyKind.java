package vn.gov.bus.reconciliation;

/**
 * What the reconciliation found wrong with a payment or a bank entry. Names are stable: they
 * are stored, exported in the JSON report and queried through the API. Labels are what the
 * accountants read in the CSV report.
 */
public enum DiscrepancyKind {
    /** Same intermediary reference on both sides, different amounts. */
    AMOUNT_MISMATCH("Sai lệch số tiền", "Amount mismatch"),
    /** The portal says it was paid; the bank statement has no matching credit. */
    PAID_NOT_IN_BANK("Đã thanh toán nhưng chưa có trong sao kê", "Paid but not in the bank statement"),
    /** The bank credited the account; no payment on the portal matches it. */
    IN_BANK_NOT_PAID("Có trong sao kê nhưng không có giao dịch thanh toán", "In the bank statement but not paid on the portal"),
    /** The same fee of the same dossier paid more than once, or the same payment credited twice. */
    DUPLICATE_PAYMENT("Thanh toán trùng", "Duplicate payment"),
    /** Matched, but the bank booked it later than the settlement window after payment. */
    SETTLED_LATE("Ghi có muộn", "Settled late");

    private final String vietnamese;
    private final String english;

    DiscrepancyKind(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
