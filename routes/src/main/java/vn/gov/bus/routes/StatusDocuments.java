package vn.gov.bus.routes;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.state.DocumentCodes;

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

    public StatusDocuments(DocumentCodes codes) {
        this.codes = codes;
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

    /** Records the code of a document entering the bus, for the statuses that will name it by code. */
    public void recordCode(EdocPackage p, String senderId, String documentId) {
        if (p.kind() != EdocPackage.Kind.EDOC || p.businessDocType() != 0 || p.codeNumber() == null) {
            return;
        }
        String code = p.codeNotation() == null ? p.codeNumber() : p.codeNumber() + "/" + p.codeNotation();
        codes.record(senderId, documentId, code,
                p.promulgationDate().map(d -> d.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")))
                        .orElse(null));
    }
}
