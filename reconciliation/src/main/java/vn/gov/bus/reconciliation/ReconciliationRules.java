package vn.gov.bus.reconciliation;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * @param settlementWindow  longest normal delay from payment to the bank's booking; beyond it a
 *                          match is reported {@link DiscrepancyKind#SETTLED_LATE}
 * @param zone              the time zone days are counted in (Asia/Ho_Chi_Minh)
 * @param lookbackDays      a statement of day D is matched against payments made on D and on the
 *                          {@code lookbackDays} days before it that are not settled yet (a payment
 *                          made at 23:50 is credited the next day)
 */
public record ReconciliationRules(Duration settlementWindow, ZoneId zone, int lookbackDays) {

    public ReconciliationRules {
        Objects.requireNonNull(settlementWindow, "settlementWindow");
        Objects.requireNonNull(zone, "zone");
        if (settlementWindow.isNegative()) {
            throw new IllegalArgumentException("settlementWindow must not be negative");
        }
        if (lookbackDays < 0) {
            throw new IllegalArgumentException("lookbackDays must be ≥ 0");
        }
    }

    public static ReconciliationRules vietnam(Duration settlementWindow, int lookbackDays) {
        return new ReconciliationRules(settlementWindow, ZoneId.of("Asia/Ho_Chi_Minh"), lookbackDays);
    }
}
