package vn.gov.bus.reconciliation;

import java.util.EnumMap;
import java.util.Map;

/**
 * The counts and sums of one reconciliation of one beneficiary account and day.
 *
 * @param bankEntries     every entry of the statement
 * @param ignoredEntries  debits (not fee payments)
 * @param payments        payments considered
 * @param matched         payments credited in full within the settlement window
 * @param discrepancies   findings per kind
 * @param bankCredited    sum of the credits on the statement, VND
 * @param paid            sum of the payments considered, VND
 */
public record ReconciliationTotals(long bankEntries, long ignoredEntries, long payments, long matched,
                                   Map<DiscrepancyKind, Long> discrepancies, long bankCredited, long paid) {

    public ReconciliationTotals {
        EnumMap<DiscrepancyKind, Long> all = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            all.put(kind, discrepancies.getOrDefault(kind, 0L));
        }
        discrepancies = Map.copyOf(all);
    }

    public long count(DiscrepancyKind kind) {
        return discrepancies.get(kind);
    }

    public long discrepancyCount() {
        return discrepancies.values().stream().mapToLong(Long::longValue).sum();
    }
}
