package vn.gov.bus.routes.feeds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.connectors.feeds.TaxNoticeXml;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.reconciliation.DiscrepancyKind;
import vn.gov.bus.reconciliation.ReconciliationTotals;
import vn.gov.bus.reconciliation.store.ReconciliationStore;
import vn.gov.bus.reconciliation.store.TaxNoticeStore;
import vn.gov.bus.schemas.tax.TaxPaymentConfirmation;

/**
 * Delivers what the reconciliations produced, from the database, so that nothing is lost when a
 * partner is down: each run's signed report files to the outbound SFTP folder, then a summary
 * mail to the accountants, and the payment confirmations owed to the tax authority. Each step
 * is marked done only after the transfer returned; a step that fails is tried again at the next
 * tick (a repeated upload overwrites the same file name, a repeated mail is the worst case).
 */
public class ReportPublisher {

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);

    private final ReconciliationStore runs;
    private final TaxNoticeStore notices;
    private final ProducerTemplate producer;
    private final Path reportsDir;
    private final String reportsUri;
    private final String confirmationsUri;
    private final String mailUri;
    private final List<String> accountants;
    private final String organId;
    private final ZoneId zone;
    private final AuditTrail audit;
    private final Clock clock;

    public ReportPublisher(ReconciliationStore runs, TaxNoticeStore notices, ProducerTemplate producer, Path reportsDir,
                           String reportsUri, String confirmationsUri, String mailUri, List<String> accountants,
                           String organId, ZoneId zone, AuditTrail audit, Clock clock) {
        this.runs = runs;
        this.notices = notices;
        this.producer = producer;
        this.reportsDir = reportsDir;
        this.reportsUri = reportsUri;
        this.confirmationsUri = confirmationsUri;
        this.mailUri = mailUri;
        this.accountants = List.copyOf(accountants);
        this.organId = organId;
        this.zone = zone;
        this.audit = audit;
        this.clock = clock;
    }

    /** One tick of the publish route. */
    public void publish() {
        for (ReconciliationStore.Run run : runs.unpublished()) {
            for (String name : StatementIngest.reportFiles(run.reportName())) {
                Path file = reportsDir.resolve(name);
                if (!Files.exists(file)) {
                    throw new IllegalStateException("report file " + file + " of run " + run.id() + " is missing");
                }
                producer.sendBodyAndHeader(reportsUri, file.toFile(), Exchange.FILE_NAME, name);
            }
            runs.markPublished(run.id());
            audit.record(AuditEvent.of(AuditStep.REPORT_SENT).messageId("reconciliation/" + run.id())
                    .routeId("feeds-report-publish").recipientId("sftp").detail(run.reportName() + " (csv, json, p7s)").build());
            log.info("feeds: report {} published to the outbound folder", run.reportName());
        }
        if (mailUri != null && !mailUri.isBlank() && !accountants.isEmpty()) {
            for (ReconciliationStore.Run run : runs.unmailed()) {
                producer.sendBodyAndHeaders(mailUri, summary(run), Map.of("To", String.join(",", accountants),
                        "Subject", subject(run), "Content-Type", "text/plain; charset=UTF-8"));
                runs.markMailed(run.id());
                audit.record(AuditEvent.of(AuditStep.REPORT_SENT).messageId("reconciliation/" + run.id())
                        .routeId("feeds-report-publish").recipientId(String.join(",", accountants))
                        .detail("summary mail of " + run.reportName()).build());
            }
        }
        for (TaxNoticeStore.Notice n : notices.confirmationsDue()) {
            TaxPaymentConfirmation c = new TaxPaymentConfirmation();
            c.setNoticeNumber(n.noticeNumber());
            c.setDossierCode(n.dossierCode());
            c.setPaidAmount(n.paidAmount());
            c.setPaidAt(xml(n.paidAt()));
            c.setPaymentReference(n.paymentReference() == null ? "NOTPROVIDED" : n.paymentReference());
            c.setBankEntryReference(n.bankRef());
            c.setBeneficiaryAccount(n.account());
            c.setConfirmedAt(xml(clock.instant()));
            c.setConfirmedBy(organId);
            String name = "xac-nhan-nop_%s_%s.xml".formatted(n.taxOffice(), n.noticeNumber()).replace('/', '-');
            producer.sendBodyAndHeader(confirmationsUri, TaxNoticeXml.write(c), Exchange.FILE_NAME, name);
            notices.markConfirmationSent(n.taxOffice(), n.noticeNumber());
            audit.record(AuditEvent.of(AuditStep.DELIVERED).routeId("feeds-report-publish").documentId(n.noticeNumber())
                    .recipientId("tax:" + n.taxOffice()).detail("payment confirmation " + name).build());
        }
    }

    private String subject(ReconciliationStore.Run run) {
        long found = run.totals().discrepancyCount();
        return "[Đối soát] %s ngày %s: %d sai lệch / reconciliation %s %s: %d discrepancies".formatted(run.account(),
                run.day(), found, run.account(), run.day(), found);
    }

    private String summary(ReconciliationStore.Run run) {
        ReconciliationTotals t = run.totals();
        StringBuilder s = new StringBuilder();
        s.append("Kết quả đối soát tài khoản ").append(run.account()).append(" ngày ").append(run.day()).append('\n');
        s.append("Reconciliation of account ").append(run.account()).append(", ").append(run.day()).append("\n\n");
        s.append("Số giao dịch trong sao kê / statement entries: ").append(t.bankEntries()).append('\n');
        s.append("Số giao dịch thanh toán / payments: ").append(t.payments()).append('\n');
        s.append("Khớp / matched: ").append(t.matched()).append('\n');
        for (DiscrepancyKind k : DiscrepancyKind.values()) {
            s.append(k.vietnamese()).append(" / ").append(k.english()).append(": ").append(t.count(k)).append('\n');
        }
        s.append("Tổng ghi có / credited: ").append(t.bankCredited()).append(" VND\n");
        s.append("Tổng đã thanh toán / paid: ").append(t.paid()).append(" VND\n\n");
        s.append("Báo cáo (CSV, JSON, chữ ký số CMS .p7s) trong thư mục báo cáo / report files in the outbound folder: ")
                .append(run.reportName()).append(".csv, .json\n");
        s.append("API: /api/v1/reconciliations/").append(run.id()).append('\n');
        return s.toString();
    }

    private XMLGregorianCalendar xml(Instant t) {
        GregorianCalendar c = GregorianCalendar.from(t.atZone(zone));
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(c);
    }
}
