package vn.gov.bus.routes.delivery;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.StatusCodes;
import vn.gov.bus.core.state.PendingBox;
import vn.gov.bus.routes.hub.AgencyStatuses;
import vn.gov.bus.routes.hub.OutgoingQueue;

/**
 * A sender taking a document back: a revocation (BussinessDocType 1, thu hồi) or a status 13
 * (lấy lại). If the document still waits unconfirmed in a local recipient's pending box, it was
 * never delivered: it is withdrawn from the box, the take-back itself is not handed to the
 * recipient (it would announce a document it never saw), and the bus answers the sender with
 * status 15 on the recipient's behalf. If the recipient's system already has the document, the
 * take-back is delivered like any package and the recipient answers 15 or 16 itself.
 */
@Component
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);
    private static final int REVOKE = 1;

    private final PendingBox pendingBox;
    private final AgencyStatuses statuses;
    private final OutgoingQueue outgoing;
    private final AuditTrail audit;

    public Revocations(PendingBox pendingBox, AgencyStatuses statuses, OutgoingQueue outgoing, AuditTrail audit) {
        this.pendingBox = pendingBox;
        this.statuses = statuses;
        this.outgoing = outgoing;
        this.audit = audit;
    }

    /**
     * Which document of {@code senderId} a package takes back, if it is a take-back;
     * {@code documentId} is the one a status reports on (resolved at entry, see StatusDocuments).
     */
    public static Optional<TakeBack> of(EdocPackage p, String senderId, String documentId) {
        if (p.kind() == EdocPackage.Kind.EDOC && p.businessDocType() == REVOKE) {
            String target = p.businessDocumentId() != null ? p.businessDocumentId()
                    : p.responseFor().isEmpty() ? p.documentId() : p.responseFor().get(0).documentId();
            return Optional.of(new TakeBack(senderId, target, p.businessDocReason()));
        }
        if (p.kind() == EdocPackage.Kind.STATUS && StatusCodes.TAKE_BACK_REQUESTED.equals(p.statusCode())) {
            return Optional.of(new TakeBack(senderId, documentId, p.statusDescription()));
        }
        return Optional.empty();
    }

    /**
     * Withdraws the document from one recipient's box if it is still undelivered, and tells the
     * sender; returns whether the take-back was settled here (and must not be delivered). Safe to
     * repeat after a crash: an entry withdrawn earlier is reported again under the same status
     * de-duplication key, so the sender hears it once.
     */
    public boolean settle(String recipientId, TakeBack takeBack, String messageId, String routeId) {
        PendingBox.Withdrawal withdrawal = pendingBox.withdraw(recipientId, takeBack.senderId(),
                takeBack.documentId(), takeBack.reason());
        if (withdrawal != PendingBox.Withdrawal.WITHDRAWN && withdrawal != PendingBox.Withdrawal.ALREADY_WITHDRAWN) {
            return false;
        }
        byte[] document = pendingBox.document(recipientId, takeBack.senderId(), takeBack.documentId())
                .orElseThrow(() -> new IllegalStateException("withdrawn entry of " + takeBack + " has no package"));
        outgoing.enqueue(recipientId, statuses.withdrawn(recipientId, document));
        if (withdrawal == PendingBox.Withdrawal.WITHDRAWN) {
            audit.record(AuditEvent.of(AuditStep.REVOKED).messageId(messageId).documentId(takeBack.documentId())
                    .senderId(takeBack.senderId()).recipientId(recipientId).routeId(routeId)
                    .actor(takeBack.senderId())
                    .detail("withdrawn from the pending box before delivery; status 15 sent to the sender"
                            + (takeBack.reason() == null ? "" : "; reason: " + takeBack.reason()))
                    .build());
            log.info("{} took back {} before {} had it: withdrawn from its pending box, status 15 sent",
                    takeBack.senderId(), takeBack.documentId(), recipientId);
        }
        return true;
    }

    /** The document {@code documentId} of {@code senderId} taken back, with the sender's reason. */
    public record TakeBack(String senderId, String documentId, String reason) {
    }
}
