package vn.gov.bus.reconciliation;

/**
 * Receives the findings as the reconciliation streams through the statement, so that a report
 * of a million lines is written as it goes and never held in memory.
 */
public interface ReconciliationListener {

    void discrepancy(Discrepancy discrepancy);

    /**
     * A payment the bank credited in full (on time or late): what the payment confirmations to
     * the tax authority are made from.
     */
    default void settled(Payment payment, BankEntry entry) {
    }
}
