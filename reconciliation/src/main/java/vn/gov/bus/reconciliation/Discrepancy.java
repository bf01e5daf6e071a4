package vn.gov.bus.reconciliation;

import java.util.Objects;

/**
 * One finding. {@code payment} is null for {@link DiscrepancyKind#IN_BANK_NOT_PAID}, {@code entry}
 * is null for {@link DiscrepancyKind#PAID_NOT_IN_BANK} and for a duplicate that was not credited;
 * {@code detail} says why, in Vietnamese then English.
 */
public record Discrepancy(DiscrepancyKind kind, Payment payment, BankEntry entry, String detail) {

    public Discrepancy {
        Objects.requireNonNull(kind, "kind");
        if (payment == null && entry == null) {
            throw new IllegalArgumentException("a discrepancy concerns a payment, a bank entry or both");
        }
    }
}
