package vn.gov.bus.routes.feeds;

import java.nio.file.Files;
import java.time.LocalDate;
import vn.gov.bus.connectors.feeds.FeedRejectedException;
import vn.gov.bus.connectors.feeds.OneStopClient;
import vn.gov.bus.connectors.feeds.TaxNoticeXml;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.reconciliation.store.TaxNoticeStore;
import vn.gov.bus.schemas.tax.NoticeItem;
import vn.gov.bus.schemas.tax.TaxNotice;

/**
 * A tax notice arrived from the tax authority: validate it, match it to its land dossier in the
 * one-stop system, forward it there, and remember it so that the bank's credit of its payment
 * produces a confirmation back to the tax authority. The one-stop system answers a notice it
 * already has with 200, so a forward repeated after an interruption does no harm.
 */
public class TaxNoticeIngest implements FeedHandler {

    private final OneStopClient oneStop;
    private final TaxNoticeStore notices;
    private final AuditTrail audit;

    public TaxNoticeIngest(OneStopClient oneStop, TaxNoticeStore notices, AuditTrail audit) {
        this.oneStop = oneStop;
        this.notices = notices;
        this.audit = audit;
    }

    @Override
    public String handle(FeedFile file) throws Exception {
        byte[] xml = Files.readAllBytes(file.local());
        TaxNotice notice = TaxNoticeXml.read(xml);
        long items = notice.getItem().stream().mapToLong(NoticeItem::getAmount).sum();
        if (items != notice.getTotalAmount()) {
            throw new FeedRejectedException("FIELD", ("TotalAmount %d khác tổng các Item %d / TotalAmount %d differs from the"
                    + " sum of the items %d").formatted(notice.getTotalAmount(), items, notice.getTotalAmount(), items));
        }
        String dossier = notice.getDossierCode();
        if (!oneStop.dossierExists(dossier)) {
            throw new FeedRejectedException("UNKNOWN_DOSSIER", ("Hồ sơ %s không có trong hệ thống một cửa / dossier %s is"
                    + " unknown to the one-stop system").formatted(dossier, dossier));
        }
        boolean fresh = oneStop.forward(dossier, xml);
        LocalDate due = LocalDate.of(notice.getDueDate().getYear(), notice.getDueDate().getMonth(), notice.getDueDate().getDay());
        boolean stored = notices.insert(notice.getTaxOffice().getCode(), notice.getNoticeNumber(), dossier,
                notice.getTotalAmount(), notice.getBeneficiaryAccount(), due, file.id());
        audit.record(AuditEvent.of(AuditStep.DELIVERED).routeId("feeds-tax-notices").documentId(notice.getNoticeNumber())
                .recipientId("one-stop").detail("tax notice " + notice.getNoticeNumber() + " of dossier " + dossier
                        + (fresh ? " forwarded" : " already at the one-stop system")).build());
        return "notice %s of dossier %s forwarded%s".formatted(notice.getNoticeNumber(), dossier,
                stored ? "" : " (already known: the same notice in another file)");
    }
}
