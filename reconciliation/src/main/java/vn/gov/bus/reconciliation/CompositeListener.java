package vn.gov.bus.reconciliation;

import java.util.List;

/** Hands every finding to several listeners (the report files, the store, the confirmations). */
public final class CompositeListener implements ReconciliationListener {

    private final List<ReconciliationListener> listeners;

    public CompositeListener(ReconciliationListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void discrepancy(Discrepancy discrepancy) {
        for (ReconciliationListener l : listeners) {
            l.discrepancy(discrepancy);
        }
    }

    @Override
    public void settled(Payment payment, BankEntry entry) {
        for (ReconciliationListener l : listeners) {
            l.settled(payment, entry);
        }
    }
}
