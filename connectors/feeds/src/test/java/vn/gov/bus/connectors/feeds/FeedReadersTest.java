package vn.gov.bus.connectors.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bus.connectors.feeds.simulator.FeedFileWriters;
import vn.gov.bus.connectors.feeds.simulator.FeedScenario;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.Discrepancy;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.Reconciler;
import vn.gov.bus.reconciliation.ReconciliationListener;
import vn.gov.bus.reconciliation.ReconciliationRules;
import vn.gov.bus.reconciliation.ReconciliationTotals;

class FeedReadersTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String ACCOUNT = "119000123456";
    static final DossierCodes CODES = new DossierCodes(FeedScenario.dossierCodePattern());
    static final Duration WINDOW = Duration.ofHours(4);

    @TempDir
    Path dir;

    Map<DiscrepancyKind, Long> writeScenario(int payments, Path paymentsFile, Path statement, boolean camt) throws IOException {
        FeedScenario scenario = new FeedScenario(ACCOUNT, DAY, "000.05.H53", HCM, WINDOW, 10, 42);
        try (OutputStream p = Files.newOutputStream(paymentsFile); OutputStream s = Files.newOutputStream(statement);
             FeedFileWriters.PaymentCsv pw = new FeedFileWriters.PaymentCsv(p, HCM);
             FeedFileWriters.Camt053 cw = camt ? new FeedFileWriters.Camt053(s, ACCOUNT, DAY, "Vietcombank", HCM) : null;
             FeedFileWriters.BankCsv bw = camt ? null : new FeedFileWriters.BankCsv(s, ACCOUNT, HCM)) {
            return scenario.generate(payments, new FeedScenario.Sink() {
                @Override
                public void payment(Payment payment) {
                    pw.write(payment);
                }

                @Override
                public void entry(BankEntry entry) {
                    if (cw != null) {
                        cw.write(entry);
                    } else {
                        bw.write(entry);
                    }
                }
            });
        }
    }

    Map<DiscrepancyKind, Long> reconcile(Path paymentsFile, StatementReader statement) throws IOException {
        List<Payment> payments = new ArrayList<>();
        try (InputStream in = Files.newInputStream(paymentsFile); PaymentCsvReader reader = new PaymentCsvReader(in, CODES)) {
            reader.forEachRemaining(payments::add);
        }
        Map<DiscrepancyKind, Long> found = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind k : DiscrepancyKind.values()) {
            found.put(k, 0L);
        }
        ReconciliationTotals totals = new Reconciler(ReconciliationRules.vietnam(WINDOW, 1)).reconcile(payments.iterator(),
                statement, new ReconciliationListener() {
                    @Override
                    public void discrepancy(Discrepancy d) {
                        found.merge(d.kind(), 1L, Long::sum);
                    }
                });
        assertThat(totals.ignoredEntries()).isEqualTo(1);
        return found;
    }

    @Test
    void generatedCamt053StatementIsValidAgainstTheIsoSchemaAndEveryPlantedDiscrepancyIsFoundExactly() throws IOException {
        Path payments = dir.resolve("payments.csv");
        Path statement = dir.resolve("statement.xml");
        Map<DiscrepancyKind, Long> planted = writeScenario(200, payments, statement, true);
        assertThat(planted.values()).allMatch(n -> n == 20);
        try (Camt053Reader reader = new Camt053Reader(statement, CODES, HCM)) {
            assertThat(reader.account()).isEqualTo(ACCOUNT);
            assertThat(reader.day()).isEqualTo(DAY);
            assertThat(reconcile(payments, reader)).isEqualTo(planted);
        }
    }

    @Test
    void generatedCsvStatementGivesTheSameFindingsAsCamt053() throws IOException {
        Path payments = dir.resolve("payments.csv");
        Path statement = dir.resolve("statement.csv");
        Map<DiscrepancyKind, Long> planted = writeScenario(200, payments, statement, false);
        try (InputStream in = Files.newInputStream(statement); BankCsvReader reader = new BankCsvReader(in, CODES)) {
            assertThat(reader.account()).isEqualTo(ACCOUNT);
            assertThat(reconcile(payments, reader)).isEqualTo(planted);
        }
    }

    @Test
    void truncatedCamt053IsRefusedWithTheLineOfTheError() throws IOException {
        Path statement = dir.resolve("statement.xml");
        writeScenario(20, dir.resolve("p.csv"), statement, true);
        byte[] whole = Files.readAllBytes(statement);
        Path cut = dir.resolve("cut.xml");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        long lastLine = new String(Files.readAllBytes(cut), StandardCharsets.UTF_8).lines().count();
        // validated while it is read: refused at the latest when the reader reaches the cut
        assertThatThrownBy(() -> {
            try (Camt053Reader reader = new Camt053Reader(cut, CODES, HCM)) {
                reader.forEachRemaining(entry -> { });
            }
        }).isInstanceOf(FeedRejectedException.class)
                .hasMessageContaining("camt.053.001.02").hasMessageContaining("line " + lastLine + ",")
                .satisfies(e -> assertThat(((FeedRejectedException) e).code()).isEqualTo("SCHEMA"));
    }

    @Test
    void camt053WithADoctypeIsRefusedBeforeAnyEntityIsExpanded() throws IOException {
        Path evil = dir.resolve("evil.xml");
        Files.writeString(evil, "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"" + Camt053Reader.NAMESPACE + "\">&x;</Document>");
        assertThatThrownBy(() -> new Camt053Reader(evil, CODES, HCM)).isInstanceOf(FeedRejectedException.class)
                .satisfies(e -> assertThat(((FeedRejectedException) e).code()).as(e.getMessage()).isEqualTo("DTD_FORBIDDEN"));
    }

    @Test
    void paymentWithADecimalAmountIsRefusedNamingLineAndField() {
        String csv = String.join(",", PaymentCsvReader.HEADER) + "\n"
                + "000.05.H53-261201-0000001,LP-DKKD,100000.5,Trần Thị Bình,VNPAY,VN1,2026-12-01T08:00:00+07:00,119\n";
        assertThatThrownBy(() -> new PaymentCsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), CODES))
                .isInstanceOf(FeedRejectedException.class)
                .hasMessageContaining("line 2, field 'amount'");
    }

    @Test
    void paymentsInTheJsonLayoutReadLikeTheCsvLayout() {
        String json = """
                {"payments": [
                  {"dossierCode": "000.05.H53-261201-0000001", "feeCode": "LP-DKKD", "amount": 100000,
                   "payer": "Trần Thị Bình", "channel": "VNPAY", "reference": "VN261201000000001",
                   "paidAt": "2026-12-01T08:00:00+07:00", "beneficiaryAccount": "119000123456"}
                ]}""";
        try (PaymentJsonReader reader = new PaymentJsonReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), CODES)) {
            Payment p = reader.next();
            assertThat(p.amount()).isEqualTo(100_000);
            assertThat(p.payer()).isEqualTo("Trần Thị Bình");
            assertThat(p.paidAt()).isEqualTo(DAY.atTime(8, 0).atZone(HCM).toInstant());
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void namesThatCouldEscapeTheDropFolderOrHideAFileAreRefused() {
        assertThat(FileNames.refusal("../../etc/passwd")).isPresent();
        assertThat(FileNames.refusal("a/b.xml")).isPresent();
        assertThat(FileNames.refusal("..hidden")).isPresent();
        assertThat(FileNames.refusal(".bashrc")).isPresent();
        assertThat(FileNames.refusal("sao kê;rm -rf.xml")).isPresent();
        assertThat(FileNames.refusal("stmt\u0000.xml")).isPresent();
        assertThat(FileNames.refusal("VCB_119000123456_20261201.xml")).isEmpty();
    }
}
