package vn.gov.bus.app.simulators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.datatype.DatatypeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.app.config.FeedsProperties;
import vn.gov.bus.connectors.feeds.TaxNoticeXml;
import vn.gov.bus.connectors.feeds.simulator.FeedFileWriters;
import vn.gov.bus.connectors.feeds.simulator.FeedScenario;
import vn.gov.bus.connectors.feeds.simulator.FtpDropBox;
import vn.gov.bus.connectors.feeds.simulator.OneStopSimulator;
import vn.gov.bus.connectors.feeds.simulator.SftpDropBox;
import vn.gov.bus.reconciliation.BankEntry;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.Payment;
import vn.gov.bus.schemas.tax.NoticeItem;
import vn.gov.bus.schemas.tax.TaxNotice;
import vn.gov.bus.schemas.tax.TaxOffice;
import vn.gov.bus.schemas.tax.Taxpayer;

/**
 * The partners of the embedded demo at work: at each tick the portal drops a day's payment export
 * on the SFTP drop box; at the next tick the bank drops that day's statement (camt.053 over SFTP,
 * or, every other day, the CSV layout over the FTP-only branch), and the tax authority a tax
 * notice for a land dossier the one-stop simulator knows. Each tick is an earlier day, so every
 * file is new. Files are written on the servers' side, as the partners write on their own servers.
 */
public class FeedDemoTraffic {

    private static final Logger log = LoggerFactory.getLogger(FeedDemoTraffic.class);
    private static final String UNIT = "000.05.H53";

    private final SftpDropBox sftp;
    private final FtpDropBox ftp;
    private final OneStopSimulator oneStop;
    private final FeedsProperties feeds;
    private final Clock clock;
    private final AtomicInteger tick = new AtomicInteger();
    private volatile byte[] pendingStatement;
    private volatile String pendingName;
    private volatile boolean pendingOverFtp;

    public FeedDemoTraffic(SftpDropBox sftp, FtpDropBox ftp, OneStopSimulator oneStop, FeedsProperties feeds, Clock clock) {
        this.sftp = sftp;
        this.ftp = ftp;
        this.oneStop = oneStop;
        this.feeds = feeds;
        this.clock = clock;
    }

    public void next() {
        int n = tick.getAndIncrement();
        ZoneId zone = feeds.zone();
        String account = feeds.simulator().account();
        if (n % 2 == 0) {
            LocalDate day = LocalDate.now(clock.withZone(zone)).minusDays(1 + n / 2);
            boolean overFtp = (n / 2) % 2 == 1;
            ByteArrayOutputStream payments = new ByteArrayOutputStream();
            ByteArrayOutputStream statement = new ByteArrayOutputStream();
            Map<DiscrepancyKind, Long> planted;
            try (FeedFileWriters.PaymentCsv pw = new FeedFileWriters.PaymentCsv(payments, zone);
                 FeedFileWriters.Camt053 cw = overFtp ? null
                         : new FeedFileWriters.Camt053(statement, account, day, "Ngân hàng TMCP Ngoại thương Việt Nam", zone);
                 FeedFileWriters.BankCsv bw = overFtp ? new FeedFileWriters.BankCsv(statement, account, zone) : null) {
                planted = new FeedScenario(account, day, UNIT, zone, feeds.reconciliation().settlementWindow(), 20, day.toEpochDay())
                        .generate(200, new FeedScenario.Sink() {
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
            String stamp = day.toString().replace("-", "");
            drop(sftp.root().resolve("portal/payments"), "giao-dich_" + account + "_" + stamp + ".csv", payments.toByteArray(), true);
            pendingStatement = statement.toByteArray();
            pendingOverFtp = overFtp;
            pendingName = (overFtp ? "AGR_" : "VCB_") + account + "_" + stamp + (overFtp ? ".csv" : ".xml");
            log.info("demo: the portal dropped the payments of {} ({} planted discrepancies: {})", day,
                    planted.values().stream().mapToLong(Long::longValue).sum(), planted);
        } else if (pendingStatement != null) {
            Path folder = (pendingOverFtp ? ftp.root() : sftp.root()).resolve("bank/statements");
            // the FTP partner writes no marker: the bus waits for a stable size
            drop(folder, pendingName, pendingStatement, !pendingOverFtp);
            log.info("demo: the bank dropped statement {} over {}", pendingName, pendingOverFtp ? "FTP" : "SFTP");
            pendingStatement = null;
            dropTaxNotice(n);
        }
    }

    private void dropTaxNotice(int n) {
        String dossier = "%s-%s-%07d".formatted(UNIT, "261130", 8_000_000 + n);
        oneStop.addDossier(dossier);
        try {
            TaxNotice notice = new TaxNotice();
            notice.setNoticeNumber("TB-DEMO-%06d".formatted(n));
            notice.setIssuedAt(DatatypeFactory.newInstance().newXMLGregorianCalendar(
                    java.util.GregorianCalendar.from(clock.instant().atZone(feeds.zone()))));
            TaxOffice office = new TaxOffice();
            office.setCode("CCT-TN-01");
            office.setName("Chi cục Thuế khu vực Tây Ninh");
            notice.setTaxOffice(office);
            notice.setDossierCode(dossier);
            Taxpayer payer = new Taxpayer();
            payer.setName("Trần Văn Bình");
            notice.setTaxpayer(payer);
            NoticeItem item = new NoticeItem();
            item.setTaxType("LPTB");
            item.setDescription("Lệ phí trước bạ nhà, đất");
            item.setAmount(2_350_000);
            notice.getItem().add(item);
            notice.setTotalAmount(2_350_000);
            notice.setDueDate(DatatypeFactory.newInstance().newXMLGregorianCalendar(
                    LocalDate.now(clock.withZone(feeds.zone())).plusDays(30).toString()));
            notice.setBeneficiaryAccount(feeds.simulator().account());
            drop(sftp.root().resolve("tax/notices"), notice.getNoticeNumber() + ".xml", TaxNoticeXml.write(notice), true);
        } catch (javax.xml.datatype.DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drop(Path folder, String name, byte[] content, boolean marker) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), content);
            if (marker) {
                Files.write(folder.resolve(name + ".done"), new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
