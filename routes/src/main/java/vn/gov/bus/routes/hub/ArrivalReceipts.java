package vn.gov.bus.routes.hub;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdocPackage.DocumentReference;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.StatusCodes;
import vn.gov.bus.core.edxml.StatusPackages;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;

/**
 * Builds the status 01 ("đã đến": arrived in the recipient's system, not yet handled by the
 * clerk) that the bus issues on a local agency's behalf when its document system confirms it has
 * fetched a document.
 */
@Component
public class ArrivalReceipts {

    private static final DateTimeFormatter EDXML_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final EdxmlReader reader;
    private final StatusPackages statusPackages;
    private final AgencyDirectory directory;
    private final Clock clock;

    public ArrivalReceipts(EdxmlReader reader, StatusPackages statusPackages, AgencyDirectory directory,
                           Clock clock) {
        this.reader = reader;
        this.statusPackages = statusPackages;
        this.directory = directory;
        this.clock = clock;
    }

    /** The receipt for a document delivered to {@code recipientId}. */
    public ArrivalReceipt receiptFor(String recipientId, byte[] document) {
        EdocPackage doc = reader.read(document);
        String code = doc.codeNumber() == null ? null
                : doc.codeNotation() == null ? doc.codeNumber() : doc.codeNumber() + "/" + doc.codeNotation();
        DocumentReference answered = new DocumentReference(doc.fromOrganId(), code,
                doc.promulgationDate().map(EDXML_DATE::format).orElse(null), doc.documentId());
        String recipientName = directory.find(recipientId).map(Agency::name).orElse(recipientId);
        byte[] bytes = statusPackages.write(new StatusPackages.Spec(recipientId, recipientName, answered,
                StatusCodes.ARRIVED, "Văn bản đã đến hệ thống quản lý văn bản của cơ quan nhận",
                "Trục liên thông", "Tự động khi hệ thống nhận xác nhận", clock.instant()));
        // One receipt per (recipient, document) whatever its timestamp: a repeated confirmation
        // after a crash is de-duplicated downstream instead of reaching the sender twice.
        String dedupKey = "status:" + doc.documentId() + "#" + StatusCodes.ARRIVED + "@receipt";
        return new ArrivalReceipt(reader.read(bytes), bytes, dedupKey);
    }
}
