package vn.gov.bus.app.audit;

import java.util.List;
import vn.gov.bus.connectors.qlvb.HubBackend;
import vn.gov.bus.connectors.qlvb.HubRejection;
import vn.gov.bus.connectors.qlvb.Organization;
import vn.gov.bus.connectors.qlvb.PendingDocument;
import vn.gov.bus.connectors.qlvb.PendingItem;
import vn.gov.bus.connectors.qlvb.SendReceipt;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;

/**
 * The hub's SOAP backend with its audit records, around the bus's {@code HubIngress}: RECEIVED
 * (the exact bytes, the authenticated sender) before anything else, then ACCEPTED with the
 * message id and DocumentId of the receipt, or REJECTED with the code, field, rule and words
 * the sender was told; and ACKNOWLEDGED when a local system confirms a document.
 */
public class AuditedHubBackend implements HubBackend {

    static final String ROUTE = "hub-ingress";

    private final HubBackend delegate;
    private final AuditTrail audit;
    private final boolean durableReceipts;

    /**
     * @param durableReceipts true: the sender is answered only after its records are committed
     *                        (bus.audit.durable-receipts); false: they are handed over, see
     *                        docs/auditing.md "Durability"
     */
    public AuditedHubBackend(HubBackend delegate, AuditTrail audit, boolean durableReceipts) {
        this.delegate = delegate;
        this.audit = audit;
        this.durableReceipts = durableReceipts;
    }

    /** The record that precedes the answer to the sender: waited for only with durable receipts. */
    private void beforeAnswer(AuditEvent event) {
        if (durableReceipts) {
            audit.record(event);
        } else {
            audit.handOver(event);
        }
    }

    @Override
    public SendReceipt send(String organId, String messageType, byte[] pkg) throws HubRejection {
        // not waited for: ACCEPTED or REJECTED follows before the sender is answered
        audit.handOver(AuditEvent.of(AuditStep.RECEIVED).routeId(ROUTE).senderId(organId).actor(organId)
                .origin("hub SOAP SendDocument").detail(messageType + ", " + pkg.length + " bytes").payload(pkg).build());
        try {
            SendReceipt receipt = delegate.send(organId, messageType, pkg);
            beforeAnswer(AuditEvent.of(AuditStep.ACCEPTED).routeId(ROUTE).senderId(organId).actor(organId)
                    .messageId(receipt.messageId()).documentId(receipt.documentId()).origin("hub SOAP SendDocument")
                    .detail("receipt returned to the sender").payload(pkg).build());
            return receipt;
        } catch (HubRejection rejection) {
            beforeAnswer(AuditEvent.of(AuditStep.REJECTED).outcome(AuditOutcome.REFUSED).routeId(ROUTE)
                    .senderId(organId).actor(organId).origin("hub SOAP SendDocument").payload(pkg)
                    .detail(rejection.code() + " at " + rejection.field() + " (" + rejection.rule() + "): "
                            + rejection.getMessage()).build());
            throw rejection;
        }
    }

    @Override
    public List<PendingItem> pending(String organId) {
        return delegate.pending(organId);
    }

    @Override
    public PendingDocument fetch(String organId, String id) throws HubRejection {
        return delegate.fetch(organId, id);
    }

    @Override
    public void confirmReceived(String organId, String id) throws HubRejection {
        delegate.confirmReceived(organId, id);
        beforeAnswer(AuditEvent.of(AuditStep.ACKNOWLEDGED).routeId(ROUTE).recipientId(organId).actor(organId)
                .origin("hub SOAP ConfirmReceived").detail("pending box entry " + id + " confirmed by the recipient")
                .build());
    }

    @Override
    public List<Organization> organizations() {
        return delegate.organizations();
    }
}
