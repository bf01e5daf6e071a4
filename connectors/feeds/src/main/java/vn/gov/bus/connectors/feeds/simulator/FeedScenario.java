package vn.gov.bus.connectors.feeds.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;

/**
 * Generates one day of realistic fee payments of one beneficiary account and the bank's
 * statement of that day, with discrepancies of every kind planted at known places, and says
 * how many of each it planted. Streams: nothing is kept, so a million-line day costs no memory.
 * Used by the tests, the benchmark and the embedded demo.
 *
 * <p>Every {@code stride}-th payment carries, in turn, one of: an amount mismatch, no credit,
 * a credit nobody paid, a second payment of the same fee, a late credit, a counter payment
 * without reference (matched on dossier + amount + day: not a discrepancy). The rest match.
 * The settlement window must be under 20 hours so that a late credit stays on the same day.
 */
public final class FeedScenario {

    /** Where the generated records go (the file writers, or a test's lists). */
    public interface Sink {
        void payment(Payment payment);

        void entry(BankEntry entry);
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Đức", "Kim"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh",
            "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến"};
    /** fee codes of the one-stop catalogue and their amounts (VND) */
    private static final String[] FEES = {"LP-HT-KS", "LP-DKKD", "LP-CCHN", "LP-DD-GCN", "PHI-TDHS-DD", "LP-TRUOCBA"};
    private static final long[] AMOUNTS = {8_000, 100_000, 150_000, 500_000, 1_200_000, 3_450_000};
    private static final String[] CHANNELS = {"VNPAY", "NAPAS", "VIETTELPAY", "MOMO", "KIOSK"};

    private final String account;
    private final LocalDate day;
    private final String unitCode;
    private final ZoneId zone;
    private final Duration settlementWindow;
    private final int stride;
    private final long seed;

    /**
     * @param unitCode the unit's code at the head of its dossier codes, e.g. 000.05.H53
     * @param stride   one payment in {@code stride} gets a planted discrepancy (at least 7)
     */
    public FeedScenario(String account, LocalDate day, String unitCode, ZoneId zone, Duration settlementWindow,
                        int stride, long seed) {
        if (stride < 7) {
            throw new IllegalArgumentException("stride must be ≥ 7 so that every kind is planted between matches");
        }
        if (settlementWindow.compareTo(Duration.ofHours(20)) >= 0) {
            throw new IllegalArgumentException("the scenario plants late credits on the same day: window < 20h");
        }
        this.account = account;
        this.day = day;
        this.unitCode = unitCode;
        this.zone = zone;
        this.settlementWindow = settlementWindow;
        this.stride = stride;
        this.seed = seed;
    }

    /** The dossier code format of the generated data: {unit}-{yyMMdd}-{seven digits}. */
    public static String dossierCodePattern() {
        return "[0-9]{3}\\.[0-9]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{7}";
    }

    /**
     * Generates {@code payments} ordinary payments (plus the planted extras) and their credits.
     *
     * @return how many of each kind were planted (the reconciliation must find exactly these)
     */
    public Map<DiscrepancyKind, Long> generate(int payments, Sink sink) {
        Random random = new Random(seed);
        Map<DiscrepancyKind, Long> planted = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind k : DiscrepancyKind.values()) {
            planted.put(k, 0L);
        }
        String yymmdd = "%02d%02d%02d".formatted(day.getYear() % 100, day.getMonthValue(), day.getDayOfMonth());
        Instant start = day.atTime(0, 30).atZone(zone).toInstant();
        // paid between 00:30 and 03:30 before the window: every credit, even a late one, stays on the day
        long spreadSeconds = Duration.ofHours(22).minus(settlementWindow).minusHours(2).toSeconds();
        long line = 0;
        long extraDossier = 9_000_000;
        for (int i = 0; i < payments; i++) {
            int fee = random.nextInt(FEES.length);
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String dossier = "%s-%s-%07d".formatted(unitCode, yymmdd, i + 1);
            Instant paidAt = start.plusSeconds(Math.floorMod(random.nextLong(), spreadSeconds));
            String reference = reference(channel, yymmdd, i);
            Instant booked = paidAt.plusSeconds(60 + random.nextInt(1800));
            long amount = AMOUNTS[fee];
            int kind = i % stride;
            Payment p = new Payment(i + 1, dossier, FEES[fee], amount, payer(random), channel, reference, paidAt, account);
            switch (kind) {
                case 1 -> { // the bank credited another amount under the same reference
                    sink.payment(p);
                    sink.entry(credit(++line, reference, amount + 10_000, booked, dossier));
                    planted.merge(DiscrepancyKind.AMOUNT_MISMATCH, 1L, Long::sum);
                }
                case 2 -> { // paid, never credited
                    sink.payment(p);
                    planted.merge(DiscrepancyKind.PAID_NOT_IN_BANK, 1L, Long::sum);
                }
                case 3 -> { // credited, nobody paid on the portal (a transfer made directly to the account)
                    String other = "%s-%s-%07d".formatted(unitCode, yymmdd, ++extraDossier);
                    sink.entry(credit(++line, "CK" + yymmdd + String.format("%08d", i), amount, booked, other));
                    planted.merge(DiscrepancyKind.IN_BANK_NOT_PAID, 1L, Long::sum);
                }
                case 4 -> { // the same fee paid twice, both credited
                    sink.payment(p);
                    sink.entry(credit(++line, reference, amount, booked, dossier));
                    String again = reference(channel, yymmdd, payments + i);
                    Instant paidAgain = paidAt.plusSeconds(120);
                    sink.payment(new Payment(payments + i + 1L, dossier, FEES[fee], amount, p.payer(), channel, again,
                            paidAgain, account));
                    sink.entry(credit(++line, again, amount, paidAgain.plusSeconds(300), dossier));
                    planted.merge(DiscrepancyKind.DUPLICATE_PAYMENT, 1L, Long::sum);
                }
                case 5 -> { // credited after the settlement window
                    sink.payment(p);
                    sink.entry(credit(++line, reference, amount, paidAt.plus(settlementWindow).plus(Duration.ofHours(1)), dossier));
                    planted.merge(DiscrepancyKind.SETTLED_LATE, 1L, Long::sum);
                }
                case 6 -> { // paid at the counter: no intermediary reference on either side
                    sink.payment(new Payment(p.id(), dossier, p.feeCode(), amount, p.payer(), "COUNTER", null, paidAt, account));
                    sink.entry(credit(++line, null, amount, booked, dossier));
                }
                default -> {
                    sink.payment(p);
                    sink.entry(credit(++line, reference, amount, booked, dossier));
                }
            }
        }
        // the day's transfer of the collected fees to the State Treasury: a debit, not a payment
        sink.entry(new BankEntry(++line, "FT" + yymmdd + "KB", null, 1_000_000, false, day,
                day.atTime(23, 0).atZone(zone).toInstant(), "CHUYEN NOP KHO BAC NHA NUOC", null));
        return planted;
    }

    private BankEntry credit(long line, String reference, long amount, Instant bookedAt, String dossier) {
        return new BankEntry(line, "FT%s%07d".formatted(day.toString().replace("-", "").substring(2), line), reference,
                amount, true, LocalDate.ofInstant(bookedAt, zone), bookedAt, "TT LE PHI HO SO " + dossier, dossier);
    }

    private static String reference(String channel, String yymmdd, int i) {
        return "%s%s%09d".formatted(channel.substring(0, 2), yymmdd, i);
    }

    private static String payer(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }
}
