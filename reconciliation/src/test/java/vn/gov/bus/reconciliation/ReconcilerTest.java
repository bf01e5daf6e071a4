package vn.gov.bus.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String ACCOUNT = "1234567890";
    static final Reconciler RECONCILER = new Reconciler(ReconciliationRules.vietnam(Duration.ofHours(4), 1));

    static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(HCM).toInstant();
    }

    static Payment payment(long id, String dossier, String fee, long amount, String ref, Instant paidAt) {
        return new Payment(id, dossier, fee, amount, "Nguyễn Văn An", "VNPAY", ref, paidAt, ACCOUNT);
    }

    static BankEntry credit(long line, String ref, long amount, Instant bookedAt, String dossier) {
        return new BankEntry(line, "FT" + line, ref, amount, true, LocalDate.ofInstant(bookedAt, HCM), bookedAt,
                "THANH TOAN LE PHI HS " + dossier, dossier);
    }

    record Outcome(ReconciliationTotals totals, List<Discrepancy> found, List<Payment> settled) {
        List<Discrepancy> of(DiscrepancyKind kind) {
            return found.stream().filter(d -> d.kind() == kind).toList();
        }
    }

    static Outcome run(List<Payment> payments, List<BankEntry> entries) {
        List<Discrepancy> found = new ArrayList<>();
        List<Payment> settled = new ArrayList<>();
        ReconciliationTotals totals = RECONCILER.reconcile(payments.iterator(), entries.iterator(),
                new ReconciliationListener() {
                    @Override
                    public void discrepancy(Discrepancy d) {
                        found.add(d);
                    }

                    @Override
                    public void settled(Payment p, BankEntry e) {
                        settled.add(p);
                    }
                });
        return new Outcome(totals, found, settled);
    }

    @Test
    void paymentsCreditedWithTheirReferenceAndAmountWithinTheWindowAreMatchedWithoutFindings() {
        Outcome o = run(List.of(payment(1, "H53-261201-0001", "LP01", 50_000, "VNP001", at(8, 0)),
                        payment(2, "H53-261201-0002", "LP01", 50_000, "VNP002", at(9, 0))),
                List.of(credit(1, "VNP002", 50_000, at(9, 5), "H53-261201-0002"),
                        credit(2, "VNP001", 50_000, at(8, 30), "H53-261201-0001")));
        assertThat(o.found()).isEmpty();
        assertThat(o.totals().matched()).isEqualTo(2);
        assertThat(o.settled()).extracting(Payment::id).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void everyKindOfPlantedDiscrepancyIsFoundExactlyOnceAndNothingElse() {
        List<Payment> payments = List.of(
                payment(1, "H53-261201-0001", "LP01", 50_000, "VNP001", at(8, 0)),      // matched
                payment(2, "H53-261201-0002", "LP01", 120_000, "VNP002", at(8, 10)),    // amount mismatch
                payment(3, "H53-261201-0003", "LP02", 30_000, "VNP003", at(8, 20)),     // not in bank
                payment(4, "H53-261201-0004", "LP01", 50_000, "VNP004", at(8, 30)),     // first of two
                payment(5, "H53-261201-0004", "LP01", 50_000, "VNP005", at(8, 35)),     // duplicate, credited
                payment(6, "H53-261201-0006", "LP03", 200_000, "VNP006", at(7, 0)),     // settled late
                payment(7, "H53-261201-0007", "LP01", 75_000, null, at(10, 0)));        // counter: no reference
        List<BankEntry> entries = List.of(
                credit(1, "VNP001", 50_000, at(8, 5), "H53-261201-0001"),
                credit(2, "VNP002", 100_000, at(8, 15), "H53-261201-0002"),
                credit(3, "VNP004", 50_000, at(8, 40), "H53-261201-0004"),
                credit(4, "VNP005", 50_000, at(8, 45), "H53-261201-0004"),
                credit(5, "VNP006", 200_000, at(15, 0), "H53-261201-0006"),
                credit(6, null, 75_000, at(11, 0), "H53-261201-0007"),                  // matched on dossier+amount+day
                credit(7, "XYZ999", 90_000, at(12, 0), "H53-261201-0099"),              // in bank, not paid
                credit(8, "VNP001", 50_000, at(12, 30), "H53-261201-0001"),             // bank credited VNP001 twice
                new BankEntry(9, "FT9", null, 1_000_000, false, DAY, at(16, 0), "CHUYEN KHO BAC", null)); // debit

        Outcome o = run(payments, entries);

        assertThat(o.of(DiscrepancyKind.AMOUNT_MISMATCH)).singleElement()
                .satisfies(d -> assertThat(d.payment().id()).isEqualTo(2));
        assertThat(o.of(DiscrepancyKind.PAID_NOT_IN_BANK)).singleElement()
                .satisfies(d -> assertThat(d.payment().id()).isEqualTo(3));
        assertThat(o.of(DiscrepancyKind.IN_BANK_NOT_PAID)).singleElement()
                .satisfies(d -> assertThat(d.entry().line()).isEqualTo(7));
        assertThat(o.of(DiscrepancyKind.SETTLED_LATE)).singleElement()
                .satisfies(d -> assertThat(d.payment().id()).isEqualTo(6));
        assertThat(o.of(DiscrepancyKind.DUPLICATE_PAYMENT)).hasSize(2)
                .anySatisfy(d -> assertThat(d.payment().id()).isEqualTo(5))
                .anySatisfy(d -> assertThat(d.entry().line()).isEqualTo(8));
        assertThat(o.found()).hasSize(6);
        assertThat(o.totals().matched()).isEqualTo(3); // 1, 4 and 7
        assertThat(o.totals().ignoredEntries()).isEqualTo(1);
        assertThat(o.totals().bankEntries()).isEqualTo(9);
        assertThat(o.totals().discrepancyCount()).isEqualTo(6);
    }

    @Test
    void aDuplicatePaymentTheBankNeverCreditedIsReportedAsDuplicateNotAsMissing() {
        Outcome o = run(List.of(payment(1, "H53-261201-0004", "LP01", 50_000, "VNP004", at(8, 30)),
                        payment(2, "H53-261201-0004", "LP01", 50_000, "VNP005", at(8, 35))),
                List.of(credit(1, "VNP004", 50_000, at(8, 40), "H53-261201-0004")));
        assertThat(o.found()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.DUPLICATE_PAYMENT);
            assertThat(d.payment().id()).isEqualTo(2);
            assertThat(d.entry()).isNull();
        });
    }

    @Test
    void aPaymentMadeLateInTheEveningIsMatchedByTheNextDaysStatementThroughTheLookBack() {
        Instant evening = DAY.minusDays(1).atTime(23, 50).atZone(HCM).toInstant();
        Outcome o = run(List.of(payment(1, "H53-261130-0001", "LP01", 50_000, null, evening)),
                List.of(credit(1, null, 50_000, at(0, 20), "H53-261130-0001")));
        assertThat(o.found()).isEmpty();
        assertThat(o.totals().matched()).isEqualTo(1);
    }

    @Test
    void aCreditWithAnUnknownReferenceAndNoDossierCodeIsInTheBankButNotPaid() {
        Outcome o = run(List.of(), List.of(new BankEntry(1, "FT1", "ABC", 10_000, true, DAY, null, "UNG HO", null)));
        assertThat(o.found()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.IN_BANK_NOT_PAID);
            assertThat(d.detail()).contains("ABC");
        });
    }
}
