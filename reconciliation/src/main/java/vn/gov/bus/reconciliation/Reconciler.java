package vn.gov.bus.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reconciles the fee payments of one beneficiary account with that account's bank statement of
 * one day.
 *
 * <p>The payments (thousands a day per account, at most a few million) are indexed in memory;
 * the statement is streamed entry by entry and never held, so its size is bounded only by the
 * payments it may match. Matching is first on the intermediary's transaction reference (what the
 * payment platform and the bank both carry), then, for entries without a known reference, on
 * dossier code + amount + day (the dossier code is read from the remittance text). Every payment
 * and every credit ends in exactly one place: settled (on time or late), or one finding.
 *
 * <p>Not thread-safe; one instance per run is cheap.
 */
public final class Reconciler {

    private static final Comparator<Slot> BY_DOSSIER_FEE_TIME = (a, b) -> {
        int c = a.payment.dossierCode().compareTo(b.payment.dossierCode());
        if (c == 0) {
            c = a.payment.feeCode().compareTo(b.payment.feeCode());
        }
        if (c == 0) {
            c = a.payment.paidAt().compareTo(b.payment.paidAt());
        }
        return c != 0 ? c : Long.compare(a.payment.id(), b.payment.id());
    };

    private final ReconciliationRules rules;

    public Reconciler(ReconciliationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ReconciliationTotals reconcile(Iterator<Payment> payments, Iterator<BankEntry> statement,
                                          ReconciliationListener listener) {
        Run run = new Run(listener);
        run.index(payments);
        run.stream(statement);
        run.fallback();
        run.leftovers();
        return run.totals();
    }

    /** One payment and what became of it. */
    private static final class Slot {
        final Payment payment;
        /** the earlier payment this one repeats (same dossier and fee, or the same reference), else null */
        Payment duplicateOf;
        /** the line of the bank entry that settled it, or -1 */
        long settledBy = -1;

        Slot(Payment payment) {
            this.payment = payment;
        }

        boolean settled() {
            return settledBy >= 0;
        }
    }

    private final class Run {
        final ReconciliationListener listener;
        final List<Slot> slots = new ArrayList<>();
        final Map<String, Slot> byReference = new HashMap<>();
        final List<BankEntry> unreferenced = new ArrayList<>();
        final EnumMap<DiscrepancyKind, Long> counts = new EnumMap<>(DiscrepancyKind.class);
        long bankEntries;
        long ignored;
        long matched;
        long credited;
        long paid;

        Run(ReconciliationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        void index(Iterator<Payment> payments) {
            while (payments.hasNext()) {
                Payment p = payments.next();
                Slot slot = new Slot(p);
                slots.add(slot);
                paid += p.amount();
                if (p.reference() != null && !p.reference().isBlank()) {
                    Slot first = byReference.putIfAbsent(p.reference(), slot);
                    if (first != null) {
                        // the export lists one transaction twice: the platform charged once or twice,
                        // either way the accountant must look at it
                        slot.duplicateOf = first.payment;
                    }
                }
            }
            // the same fee of the same dossier paid again (the citizen paid twice)
            List<Slot> sorted = new ArrayList<>(slots);
            sorted.sort(BY_DOSSIER_FEE_TIME);
            for (int i = 1; i < sorted.size(); i++) {
                Slot previous = sorted.get(i - 1);
                Slot current = sorted.get(i);
                if (current.duplicateOf == null
                        && current.payment.dossierCode().equals(previous.payment.dossierCode())
                        && current.payment.feeCode().equals(previous.payment.feeCode())) {
                    current.duplicateOf = previous.duplicateOf != null ? previous.duplicateOf : previous.payment;
                }
            }
        }

        void stream(Iterator<BankEntry> statement) {
            while (statement.hasNext()) {
                BankEntry entry = statement.next();
                bankEntries++;
                if (!entry.credit()) {
                    ignored++;
                    continue;
                }
                credited += entry.amount();
                Slot slot = entry.reference() == null ? null : byReference.get(entry.reference());
                if (slot == null) {
                    // rare in practice (a counter payment, a bank that drops the reference): kept for
                    // the second pass, which needs every unsettled payment known
                    unreferenced.add(entry);
                } else if (slot.settled()) {
                    report(DiscrepancyKind.DUPLICATE_PAYMENT, slot.payment, entry,
                            "Ngân hàng ghi có hai lần cùng mã tham chiếu %s (lần đầu ở dòng %d) / the bank credited reference %s twice (first at line %d)"
                                    .formatted(entry.reference(), slot.settledBy, entry.reference(), slot.settledBy));
                } else {
                    settle(slot, entry, "mã tham chiếu / reference");
                }
            }
        }

        /** Entries without a known reference: dossier code + amount + day, within the look-back. */
        void fallback() {
            if (unreferenced.isEmpty()) {
                return;
            }
            Map<String, ArrayDeque<Slot>> byDossierAmountDay = new HashMap<>();
            for (Slot slot : slots) {
                if (!slot.settled()) {
                    byDossierAmountDay.computeIfAbsent(key(slot.payment.dossierCode(), slot.payment.amount(),
                            LocalDate.ofInstant(slot.payment.paidAt(), rules.zone())), k -> new ArrayDeque<>()).add(slot);
                }
            }
            for (BankEntry entry : unreferenced) {
                Slot slot = entry.dossierCode() == null ? null : candidate(byDossierAmountDay, entry);
                if (slot == null) {
                    report(DiscrepancyKind.IN_BANK_NOT_PAID, null, entry, entry.reference() == null
                            ? "Không có mã tham chiếu; không khớp mã hồ sơ + số tiền + ngày / no reference; no payment with the same dossier code, amount and day"
                            : "Mã tham chiếu %s không có trong giao dịch thanh toán; không khớp mã hồ sơ + số tiền + ngày / reference %s is unknown to the portal; no payment with the same dossier code, amount and day"
                                    .formatted(entry.reference(), entry.reference()));
                } else {
                    settle(slot, entry, "mã hồ sơ + số tiền + ngày / dossier code + amount + day");
                }
            }
        }

        Slot candidate(Map<String, ArrayDeque<Slot>> index, BankEntry entry) {
            for (int back = 0; back <= rules.lookbackDays(); back++) {
                ArrayDeque<Slot> queue = index.get(key(entry.dossierCode(), entry.amount(),
                        entry.bookingDate().minusDays(back)));
                while (queue != null && !queue.isEmpty()) {
                    Slot slot = queue.poll();
                    if (!slot.settled()) {
                        return slot;
                    }
                }
            }
            return null;
        }

        void settle(Slot slot, BankEntry entry, String matchedOn) {
            slot.settledBy = entry.line();
            Payment p = slot.payment;
            if (p.amount() != entry.amount()) {
                report(DiscrepancyKind.AMOUNT_MISMATCH, p, entry,
                        "Thanh toán %d VND, ngân hàng ghi có %d VND (chênh %+d) / paid %d VND, credited %d VND (difference %+d)"
                                .formatted(p.amount(), entry.amount(), entry.amount() - p.amount(),
                                        p.amount(), entry.amount(), entry.amount() - p.amount()));
                return;
            }
            if (slot.duplicateOf != null) {
                report(DiscrepancyKind.DUPLICATE_PAYMENT, p, entry, duplicateText(slot, true));
                return;
            }
            Instant booked = entry.bookedAt() != null ? entry.bookedAt()
                    : entry.bookingDate().atStartOfDay(rules.zone()).toInstant();
            Duration delay = Duration.between(p.paidAt(), booked);
            if (delay.compareTo(rules.settlementWindow()) > 0) {
                report(DiscrepancyKind.SETTLED_LATE, p, entry,
                        "Ghi có sau %s, quá hạn %s (khớp theo %s) / credited after %s, beyond the %s window (matched on %s)"
                                .formatted(human(delay), human(rules.settlementWindow()), matchedOn,
                                        human(delay), human(rules.settlementWindow()), matchedOn));
            } else {
                matched++;
            }
            listener.settled(p, entry);
        }

        void leftovers() {
            for (Slot slot : slots) {
                if (slot.settled()) {
                    continue;
                }
                if (slot.duplicateOf != null) {
                    report(DiscrepancyKind.DUPLICATE_PAYMENT, slot.payment, null, duplicateText(slot, false));
                } else {
                    report(DiscrepancyKind.PAID_NOT_IN_BANK, slot.payment, null, slot.payment.reference() == null
                            ? "Không có khoản ghi có nào khớp / no matching credit"
                            : "Không có khoản ghi có với mã tham chiếu %s hay cùng mã hồ sơ + số tiền + ngày / no credit with reference %s nor with the same dossier code, amount and day"
                                    .formatted(slot.payment.reference(), slot.payment.reference()));
                }
            }
        }

        String duplicateText(Slot slot, boolean credited) {
            Payment first = slot.duplicateOf;
            String how = slot.payment.reference() != null && slot.payment.reference().equals(first.reference())
                    ? "cùng mã tham chiếu %s / the same reference %s".formatted(first.reference(), first.reference())
                    : "phí %s của hồ sơ %s đã nộp lúc %s (tham chiếu %s) / fee %s of dossier %s already paid at %s (reference %s)"
                            .formatted(first.feeCode(), first.dossierCode(), first.paidAt(), first.reference(),
                                    first.feeCode(), first.dossierCode(), first.paidAt(), first.reference());
            return (credited ? "Đã ghi có; " : "Chưa ghi có; ") + how + (credited ? " — credited" : " — not credited");
        }

        void report(DiscrepancyKind kind, Payment payment, BankEntry entry, String detail) {
            counts.merge(kind, 1L, Long::sum);
            listener.discrepancy(new Discrepancy(kind, payment, entry, detail));
        }

        ReconciliationTotals totals() {
            return new ReconciliationTotals(bankEntries, ignored, slots.size(), matched, counts, credited, paid);
        }
    }

    private static String key(String dossierCode, long amount, LocalDate day) {
        return dossierCode + '|' + amount + '|' + day;
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 60 ? "%dh%02d".formatted(minutes / 60, minutes % 60) : minutes + "min";
    }
}
