package vn.gov.bus.connectors.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bus.connectors.feeds.simulator.FeedFileWriters;
import vn.gov.bus.connectors.feeds.simulator.FeedScenario;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.Payment;

/** The camt.053 reader: which field comes from where, and when a statement is refused. */
class Camt053ReaderTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DossierCodes CODES = new DossierCodes(FeedScenario.dossierCodePattern());
    static final String BKTXCD = "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>";

    @TempDir
    Path dir;

    /** A statement; {@code account} and {@code period} are the elements as written, the entries follow on their own lines. */
    Path statement(String account, String period, String... entries) throws IOException {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Document xmlns=\"").append(Camt053Reader.NAMESPACE).append("\"><BkToCstmrStmt>\n")
                .append("<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-02T06:00:00+07:00</CreDtTm></GrpHdr>\n")
                .append("<Stmt><Id>S1</Id><CreDtTm>2026-12-01T23:00:00-01:00</CreDtTm>").append(period)
                .append("<Acct><Id>").append(account).append("</Id><Ccy>VND</Ccy></Acct>\n")
                .append("<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"VND\">0</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                        + "<Dt><Dt>2026-12-01</Dt></Dt></Bal>\n");
        for (String e : entries) {
            s.append(e).append('\n');
        }
        s.append("</Stmt></BkToCstmrStmt></Document>\n");
        Path file = dir.resolve("statement-" + System.nanoTime() + ".xml");
        Files.writeString(file, s);
        return file;
    }

    static String period() {
        return "<FrToDt><FrDtTm>2026-12-01T00:00:00+07:00</FrDtTm><ToDtTm>2026-12-01T23:59:59+07:00</ToDtTm></FrToDt>";
    }

    static String entry(String amount, String direction, String status, String booking, String inner) {
        return "<Ntry><Amt Ccy=\"VND\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd><Sts>" + status + "</Sts>"
                + "<BookgDt>" + booking + "</BookgDt>" + BKTXCD + inner + "</Ntry>";
    }

    static List<BankEntry> readAll(StatementReader reader) {
        List<BankEntry> all = new ArrayList<>();
        while (reader.hasNext()) {
            all.add(reader.next());
        }
        return all;
    }

    @Test
    void everyFieldOfTheMappingTableIsReadFromItsPath() throws IOException {
        String transfer = "<Ntry>\n<Amt Ccy=\"VND\">12500000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><DtTm>2026-12-01T09:20:00.1239+07:00</DtTm></BookgDt><AcctSvcrRef>FT2612010001</AcctSvcrRef>"
                + BKTXCD + "<NtryDtls><TxDtls><Refs><AcctSvcrRef>INNER</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId>"
                + "<TxId>NOT-USED</TxId></Refs><RmtInf><Ustrd>TT LE PHI</Ustrd><Ustrd>HS 000.05.H53-261201-0000001</Ustrd>"
                + "</RmtInf></TxDtls><TxDtls><Refs><TxId>NP2612010001</TxId></Refs><RmtInf><Ustrd>TRAN THI BINH</Ustrd>"
                + "</RmtInf></TxDtls></NtryDtls><AddtlNtryInf>NOT USED EITHER</AddtlNtryInf></Ntry>";
        Path file = statement("<Othr><Id>119000123456</Id></Othr>", period(),
                transfer,
                entry("300000", "DBIT", "BOOK", "<Dt>2026-12-01+07:00</Dt>", "<AddtlNtryInf>CHUYEN KHO BAC</AddtlNtryInf>"),
                entry("50000", "CRDT", "BOOK", "<DtTm>2026-12-01T23:30:00</DtTm>", "").replace("</CdtDbtInd>",
                        "</CdtDbtInd><RvslInd> true </RvslInd>"),
                entry("70000", "CRDT", "PDNG", "<Dt>2026-12-01</Dt>", ""));
        try (Camt053Reader reader = new Camt053Reader(file, CODES, HCM)) {
            assertThat(reader.account()).isEqualTo("119000123456");
            assertThat(reader.day()).isEqualTo(LocalDate.of(2026, 12, 1));
            List<BankEntry> entries = readAll(reader);
            assertThat(entries).hasSize(4);
            assertThat(entries.get(0)).isEqualTo(new BankEntry(6, "FT2612010001", "NP2612010001", 12_500_000, true,
                    LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T02:20:00.123Z"),
                    "TT LE PHI HS 000.05.H53-261201-0000001 TRAN THI BINH", "000.05.H53-261201-0000001"));
            assertThat(entries.get(1)).isEqualTo(new BankEntry(8, null, null, 300_000, false, LocalDate.of(2026, 12, 1),
                    null, "CHUYEN KHO BAC", null));
            // a time without an offset is the bank's local time; a reversal is no credit
            assertThat(entries.get(2).bookedAt()).isEqualTo(Instant.parse("2026-12-01T16:30:00Z"));
            assertThat(entries.get(2).credit()).isFalse();
            assertThat(entries.get(2).remittance()).isNull();
            assertThat(entries.get(3).credit()).as("pending").isFalse();
        }
    }

    @Test
    void withoutFrToDtTheDayIsTheStatementsCreationDayInVietnamAndAnIbanIsTheAccount() throws IOException {
        Path file = statement("<IBAN>VN12VCB0119000123456</IBAN>", "");
        try (Camt053Reader reader = new Camt053Reader(file, CODES, HCM)) {
            assertThat(reader.account()).isEqualTo("VN12VCB0119000123456");
            // 2026-12-01T23:00-01:00 is 2026-12-02T07:00 in Asia/Ho_Chi_Minh
            assertThat(reader.day()).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void aSchemaErrorAfterTheLastEntryRefusesTheStatementBeforeItsEndIsReported() throws IOException {
        Path file = statement("<Othr><Id>119000123456</Id></Othr>", period(),
                entry("100000", "CRDT", "BOOK", "<Dt>2026-12-01</Dt>", ""),
                "<Unexpected/>");
        try (Camt053Reader reader = new Camt053Reader(file, CODES, HCM)) {
            // the entry itself is valid, but the end of the statement is never reported
            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(FeedRejectedException.class)
                    .hasMessageContaining("line 7").hasMessageContaining("Unexpected")
                    .satisfies(e -> assertThat(((FeedRejectedException) e).code()).isEqualTo("SCHEMA"));
            assertThatThrownBy(reader::hasNext).as("and stays refused").isInstanceOf(FeedRejectedException.class);
        }
    }

    @Test
    void anEntryInAnotherCurrencyIsRefusedNamingItsLine() throws IOException {
        Path file = statement("<Othr><Id>119000123456</Id></Othr>", period(),
                entry("100000", "CRDT", "BOOK", "<Dt>2026-12-01</Dt>", ""),
                entry("100", "CRDT", "BOOK", "<Dt>2026-12-01</Dt>", "").replace("VND", "USD"));
        try (Camt053Reader reader = new Camt053Reader(file, CODES, HCM)) {
            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(FeedRejectedException.class)
                    .hasMessageContaining("Ntry at line 7, Amt/@Ccy")
                    .satisfies(e -> assertThat(((FeedRejectedException) e).code()).isEqualTo("FIELD"));
        }
    }

    @Test
    void aSchemaErrorFurtherDownWinsOverAnEarlierBrokenRuleOfTheBus() throws IOException {
        Path file = statement("<Othr><Id>119000123456</Id></Othr>", period(),
                entry("100.5", "CRDT", "BOOK", "<Dt>2026-12-01</Dt>", ""),
                entry("100", "CRDT", "DONE", "<Dt>2026-12-01</Dt>", ""));
        try (Camt053Reader reader = new Camt053Reader(file, CODES, HCM)) {
            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(FeedRejectedException.class)
                    .hasMessageContaining("line 7").hasMessageContaining("DONE")
                    .satisfies(e -> assertThat(((FeedRejectedException) e).code()).isEqualTo("SCHEMA"));
        }
    }

    @Test
    void aSecondStatementInTheFileIsRefused() throws IOException {
        Path one = statement("<Othr><Id>119000123456</Id></Othr>", period(), entry("1", "CRDT", "BOOK", "<Dt>2026-12-01</Dt>", ""));
        String xml = Files.readString(one);
        String stmt = xml.substring(xml.indexOf("<Stmt>"), xml.indexOf("</Stmt>") + "</Stmt>".length());
        Path two = dir.resolve("two.xml");
        Files.writeString(two, xml.replace("</Stmt>", "</Stmt>\n" + stmt));
        try (Camt053Reader reader = new Camt053Reader(two, CODES, HCM)) {
            assertThatThrownBy(() -> readAll(reader)).isInstanceOf(FeedRejectedException.class)
                    .hasMessageContaining("another starts at line 8")
                    .satisfies(e -> assertThat(((FeedRejectedException) e).code()).isEqualTo("LAYOUT"));
        }
    }

    @Test
    void theIsoSchemaDeclaresNoIdentityConstraintsSoTheParserLosesNothingByNotCheckingThem() throws IOException {
        try (var in = Camt053Parser.class.getClassLoader().getResourceAsStream("camt/camt.053.001.02.xsd")) {
            String xsd = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xsd).contains("<xs:complexType name=\"ReportEntry2\">")
                    .doesNotContain("<xs:key").doesNotContain("<xs:unique").doesNotContain("<xs:keyref");
        }
    }

    @Test
    void closingTheReaderBeforeTheEndStopsItsParsingThread() throws IOException {
        // more entries than the queue holds, so that the parsing thread is blocked handing them over
        int payments = (Camt053Reader.QUEUED_BATCHES + 2) * Camt053Parser.BATCH;
        Path file = dir.resolve("big.xml");
        try (OutputStream out = Files.newOutputStream(file);
             FeedFileWriters.Camt053 w = new FeedFileWriters.Camt053(out, "119000123456", LocalDate.of(2026, 12, 1), "VCB", HCM)) {
            new FeedScenario("119000123456", LocalDate.of(2026, 12, 1), "000.05.H53", HCM, Duration.ofHours(4), 10, 1)
                    .generate(payments, new FeedScenario.Sink() {
                        @Override
                        public void payment(Payment payment) {
                        }

                        @Override
                        public void entry(BankEntry entry) {
                            w.write(entry);
                        }
                    });
        }
        Camt053Reader reader = new Camt053Reader(file, CODES, HCM);
        reader.next();
        assertThat(parsingThreads()).as("still parsing").isNotEmpty();
        reader.close();
        assertThat(parsingThreads()).isEmpty();
    }

    static List<Thread> parsingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("camt053 big.xml")).toList();
    }
}
