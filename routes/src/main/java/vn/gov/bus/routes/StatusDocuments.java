package vn.gov.bus.routes;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlException;
import vn.gov.bus.core.state.DocumentCodes;
import vn.gov.bus.core.state.DocumentDueDates;

/**
 * Which document a status reports on: its ResponseFor/DocumentId when it gives one, otherwise the
 * document matched by (sender = ResponseFor/OrganId, recipient = the status's From,
 * ResponseFor/Code and PromulgationDate) among those the bus carried (QCVN 102:2016 matches
 * statuses this way; some producers send no DocumentId). A status 13 comes from the sender
 * itself, so its recipient is not a criterion.
 */
@Component
public class StatusDocuments {

    private final DocumentCodes codes;
    private final DocumentDueDates dueDates;

    public StatusDocuments(DocumentCodes codes, DocumentDueDates dueDates) {
        this.codes = codes;
        this.dueDates = dueDates;
    }

    /** The DocumentId a package is about: its own for a document, the answered one for a status. */
    public Optional<String> documentIdOf(EdocPackage p, String fromOrganId) {
        String named = DeliveryKeys.documentIdOf(p);
        if (p.kind() != EdocPackage.Kind.STATUS || (named != null && !named.isBlank())) {
            return Optional.ofNullable(named).filter(s -> !s.isBlank());
        }
        if (p.responseFor().isEmpty()) {
            return Optional.empty();
        }
        EdocPackage.DocumentReference ref = p.responseFor().get(0);
        String recipient = fromOrganId != null && fromOrganId.equals(ref.organId()) ? null : fromOrganId;
        return codes.resolve(ref.organId(), ref.code(), ref.promulgationDate(), recipient);
    }

    /**
     * Records the code of a document entering the bus, for the statuses that will name it by code,
     * and its handling deadline (DueDate), for the statistics of documents handled on time.
     */
    public void recordCode(EdocPackage p, String senderId, String documentId) {
        if (p.kind() != EdocPackage.Kind.EDOC || p.businessDocType() != 0) {
            return;
        }
        recordDueDate(p, senderId, documentId);
        if (p.codeNumber() == null) {
            return;
        }
        String code = p.codeNotation() == null ? p.codeNumber() : p.codeNumber() + "/" + p.codeNotation();
        codes.record(senderId, documentId, code,
                p.promulgationDate().map(d -> d.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")))
                        .orElse(null));
    }

    private void recordDueDate(EdocPackage p, String senderId, String documentId) {
        try {
            p.dueDate().ifPresent(due -> dueDates.record(senderId, documentId, due));
        } catch (EdxmlException unreadable) {
            // a deadline nobody can read is no deadline: the document counts as having none
        }
    }
}
