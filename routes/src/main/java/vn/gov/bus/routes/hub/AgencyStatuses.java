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
 * The status packages the bus issues on a local agency's behalf, about a document that agency
 * received: 01 ("đã đến": arrived in the recipient's system, not yet handled by the clerk) when
 * its document system confirms it has fetched the document, and 15 (take-back accepted) when the
 * sender took the document back before the agency's system ever had it.
 */
@Component
public class AgencyStatuses {

    private static final DateTimeFormatter EDXML_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final EdxmlReader reader;
    private final StatusPackages statusPackages;
    private final AgencyDirectory directory;
    private final Clock clock;

    public AgencyStatuses(EdxmlReader reader, StatusPackages statusPackages, AgencyDirectory directory,
                          Clock clock) {
        this.reader = reader;
        this.statusPackages = statusPackages;
        this.directory = directory;
        this.clock = clock;
    }

    /** Status 01 for a document delivered to {@code recipientId}. */
    public IssuedStatus arrived(String recipientId, byte[] document) {
        return issue(recipientId, document, StatusCodes.ARRIVED,
                "Văn bản đã đến hệ thống quản lý văn bản của cơ quan nhận", "Tự động khi hệ thống nhận xác nhận",
                "receipt");
    }

    /**
     * Status 15 for a document withdrawn from {@code recipientId}'s pending box before its system
     * fetched and confirmed it: the take-back is done, the recipient never had the document.
     */
    public IssuedStatus withdrawn(String recipientId, byte[] document) {
        return issue(recipientId, document, StatusCodes.CHANGE_ACCEPTED,
                "Văn bản đã được thu hồi trước khi đến cơ quan nhận; không chuyển cho cơ quan nhận"
                        + " (document taken back before delivery; not delivered)",
                "Tự động khi văn bản bị thu hồi trước khi nhận", "withdrawn");
    }

    private IssuedStatus issue(String recipientId, byte[] document, String statusCode, String description,
                               String staff, String occasion) {
        EdocPackage doc = reader.read(document);
        String code = doc.codeNumber() == null ? null
                : doc.codeNotation() == null ? doc.codeNumber() : doc.codeNumber() + "/" + doc.codeNotation();
        DocumentReference answered = new DocumentReference(doc.fromOrganId(), code,
                doc.promulgationDate().map(EDXML_DATE::format).orElse(null), doc.documentId());
        String recipientName = directory.find(recipientId).map(Agency::name).orElse(recipientId);
        byte[] bytes = statusPackages.write(new StatusPackages.Spec(recipientId, recipientName, answered,
                statusCode, description, "Trục liên thông", staff, clock.instant()));
        // One status per (recipient, document, occasion) whatever its timestamp: repeating it after
        // a crash is de-duplicated downstream instead of reaching the sender twice.
        String dedupKey = "status:" + doc.documentId() + "#" + statusCode + "@" + occasion;
        return new IssuedStatus(reader.read(bytes), bytes, dedupKey);
    }
}
