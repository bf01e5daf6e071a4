package vn.gov.bus.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.TestUsers;
import vn.gov.bus.app.TestPorts;
import vn.gov.bus.connectors.feeds.TaxNoticeXml;
import vn.gov.bus.connectors.feeds.simulator.FeedFileWriters;
import vn.gov.bus.connectors.feeds.simulator.FeedScenario;
import vn.gov.bus.connectors.feeds.simulator.FtpDropBox;
import vn.gov.bus.connectors.feeds.simulator.OneStopSimulator;
import vn.gov.bus.connectors.feeds.simulator.SftpDropBox;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.reconciliation.report.DiscrepancyReport;
import vn.gov.bus.schemas.tax.NoticeItem;
import vn.gov.bus.schemas.tax.TaxNotice;
import vn.gov.bus.schemas.tax.TaxOffice;
import vn.gov.bus.schemas.tax.Taxpayer;

/**
 * The feeds end to end through real servers: an SFTP drop box (MINA SSHD, host key checked
 * against known_hosts), an FTP server (Apache FtpServer), the one-stop system (HTTP) and the
 * accountants' mail server (GreenMail); H2 with the Flyway migrations. The partners' side drops
 * files straight into the servers' directories, as a bank writes on its own server; the bus
 * reads them over the network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.axis.poll-enabled=false",
        "bus.directory.sync-enabled=false",
        "bus.feeds.simulator.demo-traffic=false",
        "bus.feeds.publish-interval=300ms",
        "bus.feeds.reconciliation.settlement-window=4h",
        "bus.feeds.mail.to=ke-toan@sotaichinh.tayninh.gov.vn,kiem-soat@sotaichinh.tayninh.gov.vn"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FeedsFlowTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Duration WINDOW = Duration.ofHours(4);
    static final int SMTP_PORT = TestPorts.free();
    /** The second SFTP server's password, given to the bus as a secret it resolves by this name. */
    static final String SECOND_SFTP_SECRET_REF = "bus.test.sftp-secret-2";
    static final String SECOND_SFTP_SECRET = "s3cret&second+sftp";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
        registry.add("bus.feeds.mail.uri", () -> "smtp://127.0.0.1:" + SMTP_PORT + "?from=doisoat@tayninh.gov.vn");
        registry.add(SECOND_SFTP_SECRET_REF, () -> SECOND_SFTP_SECRET);
    }

    @TestConfiguration
    static class Audit {
        @Bean
        @Primary
        RecordingAuditTrail recordingAuditTrail() {
            return new RecordingAuditTrail();
        }
    }

    @Autowired
    SftpDropBox sftp;
    @Autowired
    FtpDropBox ftp;
    @Autowired
    OneStopSimulator oneStop;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RecordingAuditTrail audit;
    @org.springframework.beans.factory.annotation.Value("${bus.feeds.sftp.known-hosts}")
    Path knownHosts;

    /** A day of one account: the payments CSV and its statement (camt.053 or CSV), in memory. */
    record Day(String account, LocalDate day, byte[] payments, byte[] statement, Map<DiscrepancyKind, Long> planted) {
    }

    static Day day(String account, LocalDate day, int payments, boolean camt) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        Map<DiscrepancyKind, Long> planted;
        try (FeedFileWriters.PaymentCsv pw = new FeedFileWriters.PaymentCsv(p, HCM);
             FeedFileWriters.Camt053 cw = camt ? new FeedFileWriters.Camt053(s, account, day, "Vietcombank Tây Ninh", HCM) : null;
             FeedFileWriters.BankCsv bw = camt ? null : new FeedFileWriters.BankCsv(s, account, HCM)) {
            planted = new FeedScenario(account, day, "000.05.H53", HCM, WINDOW, 10, account.hashCode())
                    .generate(payments, new FeedScenario.Sink() {
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
        return new Day(account, day, p.toByteArray(), s.toByteArray(), planted);
    }

    /** The partner writes the file, then its done marker. */
    static void drop(Path folder, String name, byte[] content) {
        write(folder.resolve(name), content);
        write(folder.resolve(name + ".done"), new byte[0]);
    }

    static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path sftpFolder(String path) {
        return sftp.root().resolve(path);
    }

    long runs(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_run WHERE account = ?", Long.class, account);
    }

    long payments(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fee_payment WHERE account = ?", Long.class, account);
    }

    void awaitPayments(String account, long n) {
        await().atMost(60, TimeUnit.SECONDS).until(() -> payments(account) == n);
    }

    static long paymentRows(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
    }

    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the bus has finished writing: its reason and report files are written as .part-… and renamed. */
    static Path awaitFileIn(Path dir, String suffix) {
        java.util.function.Predicate<Path> wanted = p -> p.getFileName().toString().endsWith(suffix)
                && !p.getFileName().toString().startsWith(".part-");
        await().atMost(60, TimeUnit.SECONDS).until(() -> list(dir).stream().anyMatch(wanted));
        return list(dir).stream().filter(wanted).findFirst().orElseThrow();
    }

    @Test
    void plantedDiscrepanciesOfEveryKindAreEachFoundExactlyAndTheSignedReportIsPublishedMailedAndQueryable() throws Exception {
        Day d = day("119000100001", LocalDate.of(2026, 11, 30), 120, true);
        drop(sftpFolder("portal/payments"), "payments_119000100001_20261130.csv", d.payments());
        awaitPayments(d.account(), paymentRows(d.payments()));
        drop(sftpFolder("bank/statements"), "VCB_119000100001_20261130.xml", d.statement());
        await().atMost(60, TimeUnit.SECONDS).until(() -> runs(d.account()) == 1);

        Map<String, Object> run = jdbc.queryForMap("SELECT * FROM reconciliation_run WHERE account = ?", d.account());
        Map<DiscrepancyKind, Long> found = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind k : DiscrepancyKind.values()) {
            found.put(k, ((Number) run.get(k.name().toLowerCase())).longValue());
        }
        assertThat(found).isEqualTo(d.planted());
        assertThat(d.planted().values()).allMatch(n -> n == 12);
        // the statement was moved to .done/ after the commit, its marker consumed
        Path done = awaitFileIn(sftpFolder("bank/statements/.done"), "-VCB_119000100001_20261130.xml");
        assertThat(done).hasBinaryContent(d.statement());
        assertThat(sftpFolder("bank/statements/VCB_119000100001_20261130.xml")).doesNotExist();

        // the report reached the outbound SFTP folder: CSV with BOM and Vietnamese headers, JSON, signatures
        String reportName = (String) run.get("report_name");
        Path outbound = sftpFolder("reports/outbound");
        await().atMost(60, TimeUnit.SECONDS).until(() -> Files.exists(outbound.resolve(reportName + ".json.p7s")));
        Path csv = outbound.resolve(reportName + ".csv");
        byte[] csvBytes = Files.readAllBytes(csv);
        assertThat(Arrays.copyOf(csvBytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", DiscrepancyReport.CSV_HEADERS));
        assertThat(lines).hasSize(1 + 12 * 5);
        JsonNode json = new ObjectMapper().readTree(outbound.resolve(reportName + ".json").toFile());
        assertThat(json.get("discrepancies")).hasSize(60);
        assertThat(json.at("/totals/discrepancies/SETTLED_LATE").asLong()).isEqualTo(12);

        // the detached signatures verify (BouncyCastle here; the real openssl at the end)
        for (String name : List.of(reportName + ".csv", reportName + ".json")) {
            assertSignatureVerifies(outbound.resolve(name), outbound.resolve(name + ".p7s"));
        }

        // the accountants got the summary
        await().atMost(60, TimeUnit.SECONDS).until(() -> Arrays.stream(mail.getReceivedMessages())
                .anyMatch(m -> subject(m).contains(d.account())));
        MimeMessage summary = Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).contains(d.account()))
                .findFirst().orElseThrow();
        assertThat(summary.getAllRecipients()).hasSize(2);
        assertThat(String.valueOf(summary.getContent())).contains("Thanh toán trùng / Duplicate payment: 12");

        // and the API answers with the same figures
        long id = ((Number) run.get("id")).longValue();
        JsonNode listed = new ObjectMapper().readTree(TestUsers.AUDITOR.on(rest).getForObject("/api/v1/reconciliations?account=" + d.account(), String.class));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).at("/discrepancies/AMOUNT_MISMATCH").asLong()).isEqualTo(12);
        JsonNode mismatches = new ObjectMapper().readTree(TestUsers.AUDITOR.on(rest).getForObject("/api/v1/reconciliations/" + id
                + "/discrepancies?kind=IN_BANK_NOT_PAID", String.class));
        assertThat(mismatches).hasSize(12);
        assertThat(mismatches.get(0).get("paymentId").isNull()).isTrue();
        assertThat(TestUsers.AUDITOR.on(rest).getForEntity("/api/v1/reconciliations/999999", String.class).getStatusCode().value()).isEqualTo(404);

        // last, as it is skipped where openssl is not installed: standard tools accept the signatures
        Path root = dataDir.resolve("pki/root-ca.pem");
        for (String name : List.of(reportName + ".csv", reportName + ".json")) {
            OpenSsl.assertCmsVerifies(outbound.resolve(name), outbound.resolve(name + ".p7s"), root);
        }
    }

    @Test
    void aPartialUploadIsNotReadUntilItsDoneMarkerExists() throws Exception {
        Day partial = day("119000100002", LocalDate.of(2026, 11, 30), 40, true);
        Day sentinel = day("119000100003", LocalDate.of(2026, 11, 30), 10, true);
        Path statements = sftpFolder("bank/statements");
        // the bank is still uploading: half the file, no marker yet
        write(statements.resolve("VCB_119000100002_20261130.xml"), Arrays.copyOf(partial.statement(),
                partial.statement().length / 2));
        drop(statements, "VCB_119000100003_20261130.xml", sentinel.statement());
        await().atMost(60, TimeUnit.SECONDS).until(() -> runs(sentinel.account()) == 1);
        // a poll that took the complete file has listed the partial one and left it alone
        assertThat(runs(partial.account())).isZero();
        assertThat(statements.resolve("VCB_119000100002_20261130.xml")).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feed_file WHERE name = ?", Long.class,
                "VCB_119000100002_20261130.xml")).isZero();

        drop(sftpFolder("portal/payments"), "payments_119000100002_20261130.csv", partial.payments());
        awaitPayments(partial.account(), paymentRows(partial.payments()));
        drop(statements, "VCB_119000100002_20261130.xml", partial.statement());
        await().atMost(60, TimeUnit.SECONDS).until(() -> runs(partial.account()) == 1);
        assertThat(jdbc.queryForObject("SELECT amount_mismatch FROM reconciliation_run WHERE account = ?", Long.class,
                partial.account())).isEqualTo(partial.planted().get(DiscrepancyKind.AMOUNT_MISMATCH));
    }

    @Test
    void aCorruptCamt053GoesToErrorWithItsReasonAndNothingIsReconciled() throws Exception {
        Day d = day("119000100004", LocalDate.of(2026, 11, 30), 10, true);
        byte[] corrupt = new String(d.statement(), StandardCharsets.UTF_8).replaceFirst("<Sts>BOOK</Sts>", "<Sts>DONE</Sts>")
                .getBytes(StandardCharsets.UTF_8);
        drop(sftpFolder("bank/statements"), "VCB_119000100004_20261130.xml", corrupt);
        Path reason = awaitFileIn(sftpFolder("bank/statements/.error"), "-VCB_119000100004_20261130.xml.reason.txt");
        String text = Files.readString(reason);
        assertThat(text).contains("SCHEMA").contains("camt.053.001.02").contains("line ").contains("DONE");
        Path moved = Path.of(reason.toString().replace(".reason.txt", ""));
        await().atMost(60, TimeUnit.SECONDS).until(() -> Files.exists(moved));
        assertThat(moved).hasBinaryContent(corrupt);
        assertThat(runs(d.account())).isZero();
        assertThat(audit.events()).anySatisfy(e -> {
            assertThat(e.step()).isEqualTo(AuditStep.FILE_PROCESSED);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.detail()).contains("VCB_119000100004_20261130.xml").contains("SCHEMA");
        });
    }

    @Test
    void theSameFileDroppedTwiceIsProcessedOnceAndTheSecondCopyIsSetAsideWithItsReason() throws Exception {
        Day d = day("119000100005", LocalDate.of(2026, 11, 30), 20, true);
        Path folder = sftpFolder("portal/payments");
        String name = "payments_119000100005_20261130.csv";
        drop(folder, name, d.payments());
        awaitPayments(d.account(), paymentRows(d.payments()));
        awaitFileIn(folder.resolve(".done"), "-" + name);

        drop(folder, name, d.payments());
        Path reason = awaitFileIn(folder.resolve(".error"), name + ".reason.txt");
        assertThat(Files.readString(reason)).contains("DUPLICATE").contains("not processed again");
        await().atMost(60, TimeUnit.SECONDS).until(() -> !Files.exists(folder.resolve(name)));
        assertThat(payments(d.account())).isEqualTo(paymentRows(d.payments()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feed_file WHERE name = ?", Long.class, name)).isEqualTo(1);
    }

    @Test
    void aStatementDroppedOverPlainFtpIsReconciledLikeOneOverSftp() {
        Day d = day("119000100006", LocalDate.of(2026, 11, 30), 30, false);
        drop(sftpFolder("portal/payments"), "payments_119000100006_20261130.csv", d.payments());
        awaitPayments(d.account(), paymentRows(d.payments()));
        // this partner writes no marker: the bus waits until the size is stable
        write(ftp.root().resolve("bank/statements/AGR_119000100006_20261130.csv"), d.statement());
        await().atMost(60, TimeUnit.SECONDS).until(() -> runs(d.account()) == 1);
        assertThat(jdbc.queryForObject("SELECT paid_not_in_bank FROM reconciliation_run WHERE account = ?", Long.class,
                d.account())).isEqualTo(d.planted().get(DiscrepancyKind.PAID_NOT_IN_BANK));
        awaitFileIn(ftp.root().resolve("bank/statements/.done"), "-AGR_119000100006_20261130.csv");
    }

    @Test
    void aFileWhoseNameCouldMisleadTheBusIsNeitherReadNorMovedButAudited() {
        Path folder = sftpFolder("bank/statements");
        String odd = "sao kê;rm -rf.xml";
        drop(folder, odd, "<x/>".getBytes(StandardCharsets.UTF_8));
        await().atMost(60, TimeUnit.SECONDS).until(() -> audit.events().stream().anyMatch(e ->
                e.step() == AuditStep.FILE_RECEIVED && e.outcome() == AuditOutcome.REFUSED
                        && e.detail().contains(odd)));
        assertThat(folder.resolve(odd)).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feed_file WHERE name = ?", Long.class, odd)).isZero();
    }

    @Test
    void aTaxNoticeIsForwardedToItsDossierAndConfirmedOnceTheBankCreditsItsPayment() throws Exception {
        String dossier = "000.05.H53-261130-0000777";
        String account = "119000100007";
        oneStop.addDossier(dossier);
        drop(sftpFolder("tax/notices"), "TB-2026-000777.xml", TaxNoticeXml.write(notice("TB-2026-000777", dossier, account)));
        await().atMost(60, TimeUnit.SECONDS).until(() -> oneStop.received().stream()
                .anyMatch(r -> r.noticeNumber().equals("TB-2026-000777")));

        String csvPayments = String.join(",", vn.gov.bus.connectors.feeds.PaymentCsvReader.HEADER) + "\r\n"
                + dossier + ",TSDD,12500000,Lê Văn Tâm,NAPAS,NP261130000777,2026-11-30T09:00:00+07:00," + account + "\r\n";
        drop(sftpFolder("portal/payments"), "payments_119000100007_20261130.csv", csvPayments.getBytes(StandardCharsets.UTF_8));
        awaitPayments(account, 1);
        String statement = String.join(",", vn.gov.bus.connectors.feeds.BankCsvReader.HEADER) + "\r\n"
                + account + ",2026-11-30,2026-11-30T09:20:00+07:00,FT2611300777,NP261130000777,12500000,C,TT TIEN SDD HS "
                + dossier + "\r\n";
        drop(sftpFolder("bank/statements"), "BIDV_119000100007_20261130.csv", statement.getBytes(StandardCharsets.UTF_8));

        Path confirmation = awaitFileIn(sftpFolder("tax/confirmations"), "TB-2026-000777.xml");
        String xml = Files.readString(confirmation);
        assertThat(xml).contains("<PaidAmount>12500000</PaidAmount>").contains("NP261130000777").contains(dossier);
    }

    @Test
    void aTaxNoticeForADossierTheOneStopSystemDoesNotKnowGoesToErrorWithItsReason() throws Exception {
        drop(sftpFolder("tax/notices"), "TB-2026-000888.xml",
                TaxNoticeXml.write(notice("TB-2026-000888", "000.05.H53-261130-0000888", "119000100008")));
        Path reason = awaitFileIn(sftpFolder("tax/notices/.error"), "TB-2026-000888.xml.reason.txt");
        assertThat(Files.readString(reason)).contains("UNKNOWN_DOSSIER").contains("000.05.H53-261130-0000888");
    }

    ResponseEntity<JsonNode> putSettings(String routeId, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Bus-Operator", TestUsers.ADMIN.username);
        return TestUsers.ADMIN.on(rest).exchange("/api/admin/routes/" + routeId + "/settings", HttpMethod.PUT,
                new HttpEntity<>(json, headers), JsonNode.class);
    }

    void assertRefused(String routeId, String json, String field, String rule) throws Exception {
        new vn.gov.bus.app.admin.AdminClient(rest.getRootUri(), TestUsers.ADMIN).assertSettingsRefused(routeId, json,
                field, rule);
    }

    @Test
    void theBankStatementFeedIsRetunedLiveToASecondSftpServerAndItsSecretIsNeverShownOrAudited() throws Exception {
        String id = "feeds-bank-statements";
        String port = ":" + sftp.port();
        assertRefused(id, "{\"endpointUrl\": \"ftp://bus@127.0.0.1" + port + "/bank/statements\"}", "endpointUrl",
                "scheme-unchanged");
        assertRefused(id, "{\"endpointUrl\": \"sftp://bus:pw@127.0.0.1" + port + "/bank/statements\"}", "endpointUrl",
                "no-credentials");
        assertRefused(id, "{\"endpointUrl\": \"sftp://bus@127.0.0.1" + port
                + "/bank/statements?strictHostKeyChecking=no\"}", "endpointUrl", "no-options");
        assertRefused(id, "{\"endpointUrl\": \"https://127.0.0.1/bank/statements\"}", "endpointUrl", "url");
        assertRefused(id, "{\"endpointUrl\": \"sftp://bus@127.0.0.1" + port + "/\"}", "endpointUrl", "directory");
        assertRefused(id, "{\"credentialsRef\": \"no.such.secret\"}", "credentialsRef", "resolves");
        assertRefused("feeds-report-publish", "{\"endpointUrl\": \"sftp://bus@127.0.0.1" + port + "/reports\"}",
                "endpointUrl", "not-applicable");

        JsonNode before = TestUsers.ADMIN.on(rest).getForObject("/api/admin/routes/" + id, JsonNode.class);
        String first = before.path("settings").path("endpointUrl").asText();
        assertThat(first).isEqualTo("sftp://bus@127.0.0.1" + port + "/bank/statements");
        assertThat(before.path("editableSettings").toString()).contains("endpointUrl", "credentialsRef");

        Day left = day("119000100011", LocalDate.of(2026, 11, 30), 5, true);
        Day moved = day("119000100012", LocalDate.of(2026, 11, 30), 5, true);
        try (SftpDropBox second = new SftpDropBox(dataDir.resolve("second-sftp"), "127.0.0.1", TestPorts.free(),
                "doisoat", SECOND_SFTP_SECRET, dataDir.resolve("second-sftp-host-key.ser"))) {
            second.start();
            // what the operator does first: trust the new server's host key (strict checking stays on)
            Files.writeString(knownHosts, second.knownHostsLine() + "\n", StandardOpenOption.APPEND);
            String secondUrl = "sftp://doisoat@127.0.0.1:" + second.port() + "/ngan-hang/sao-ke";
            ResponseEntity<JsonNode> retuned = putSettings(id, "{\"endpointUrl\": \"" + secondUrl
                    + "\", \"credentialsRef\": \"" + SECOND_SFTP_SECRET_REF + "\"}");
            assertThat(retuned.getStatusCode().value()).as(String.valueOf(retuned.getBody())).isEqualTo(200);
            JsonNode view = retuned.getBody();
            assertThat(view.path("settings").path("endpointUrl").asText()).isEqualTo(secondUrl);
            assertThat(view.path("settings").path("credentialsRef").asText()).isEqualTo(SECOND_SFTP_SECRET_REF);
            assertThat(view.path("from").asText()).contains("doisoat@127.0.0.1:" + second.port() + "/ngan-hang/sao-ke");
            assertThat(view.path("state").asText()).isEqualTo("Started");

            // a file left on the first server, then one on the second: only the second is the route's now
            drop(sftpFolder("bank/statements"), "VCB_119000100011_20261130.xml", left.statement());
            Path folder = second.root().resolve("ngan-hang/sao-ke");
            drop(folder, "VCB_119000100012_20261130.xml", moved.statement());
            await().atMost(60, TimeUnit.SECONDS).until(() -> runs(moved.account()) == 1);
            awaitFileIn(folder.resolve(".done"), "-VCB_119000100012_20261130.xml");

            // a refused file's reason is written next to it, on the server it came from
            byte[] corrupt = new String(day("119000100013", LocalDate.of(2026, 11, 30), 5, true).statement(),
                    StandardCharsets.UTF_8).replaceFirst("<Sts>BOOK</Sts>", "<Sts>DONE</Sts>")
                    .getBytes(StandardCharsets.UTF_8);
            drop(folder, "VCB_119000100013_20261130.xml", corrupt);
            Path reason = awaitFileIn(folder.resolve(".error"), "-VCB_119000100013_20261130.xml.reason.txt");
            assertThat(Files.readString(reason)).contains("SCHEMA");
            assertThat(list(sftpFolder("bank/statements/.error"))).noneMatch(p -> p.toString().contains("119000100013"));

            // the polls that took both files from the second server left the first server's file alone
            assertThat(runs(left.account())).isZero();
            assertThat(sftpFolder("bank/statements/VCB_119000100011_20261130.xml")).exists();

            String shown = TestUsers.ADMIN.on(rest).getForObject("/api/admin/routes/" + id, String.class);
            assertThat(shown).doesNotContain(SECOND_SFTP_SECRET).doesNotContain("s3cret");
            List<String> changes = audit.events().stream().filter(e -> e.step() == AuditStep.ADMIN_ACTION
                    && id.equals(e.routeId())).map(e -> e.detail()).toList();
            assertThat(changes).anySatisfy(d -> assertThat(d).contains(SECOND_SFTP_SECRET_REF).contains(secondUrl));
            assertThat(changes).allSatisfy(d -> assertThat(d).doesNotContain("s3cret"));

            // the sftp health indicator probes the servers the feeds poll now: the first and the second
            JsonNode health = TestUsers.ADMIN.on(rest).getForObject("/actuator/health/sftp", JsonNode.class);
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("details").has("127.0.0.1:" + second.port())).as(health.toString()).isTrue();
            assertThat(health.path("details").has("127.0.0.1:" + sftp.port())).as(health.toString()).isTrue();
        } finally {
            // empty values clear the settings: the configured server and password are in force again
            ResponseEntity<JsonNode> back = putSettings(id, "{\"endpointUrl\": \"\", \"credentialsRef\": \"\"}");
            assertThat(back.getStatusCode().value()).as(String.valueOf(back.getBody())).isEqualTo(200);
            assertThat(back.getBody().path("settings").path("endpointUrl").asText()).isEqualTo(first);
        }
        // back on the first server, the file left there is taken: nothing was lost while the route looked elsewhere
        await().atMost(60, TimeUnit.SECONDS).until(() -> runs(left.account()) == 1);
    }

    static TaxNotice notice(String number, String dossier, String account) throws Exception {
        TaxNotice n = new TaxNotice();
        n.setNoticeNumber(number);
        n.setIssuedAt(javax.xml.datatype.DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-11-29T10:00:00+07:00"));
        TaxOffice office = new TaxOffice();
        office.setCode("CCT-TN-01");
        office.setName("Chi cục Thuế khu vực Tây Ninh");
        n.setTaxOffice(office);
        n.setDossierCode(dossier);
        Taxpayer payer = new Taxpayer();
        payer.setName("Lê Văn Tâm");
        payer.setIdNumber("072085001234");
        n.setTaxpayer(payer);
        NoticeItem item = new NoticeItem();
        item.setTaxType("TSDD");
        item.setDescription("Tiền sử dụng đất thửa 215 tờ bản đồ 12");
        item.setAmount(12_500_000);
        n.getItem().add(item);
        n.setTotalAmount(12_500_000);
        n.setDueDate(javax.xml.datatype.DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-12-29"));
        n.setBeneficiaryAccount(account);
        return n;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertSignatureVerifies(Path content, Path p7s) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableFile(content.toFile()), Files.readAllBytes(p7s));
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder cert = (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID())
                .iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();
        assertThat(signed.getCertificates().getMatches(null)).hasSizeGreaterThanOrEqualTo(2);
    }
}
