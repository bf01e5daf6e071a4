package vn.gov.bus.routes.hub;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.qlvb.HubBackend;
import vn.gov.bus.connectors.qlvb.HubRejection;
import vn.gov.bus.connectors.qlvb.Organization;
import vn.gov.bus.connectors.qlvb.PendingDocument;
import vn.gov.bus.connectors.qlvb.PendingItem;
import vn.gov.bus.connectors.qlvb.SendReceipt;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.PendingBox;
import vn.gov.bus.routes.DeliveryKeys;
import vn.gov.bus.routes.StatusDocuments;

/**
 * The bus side of the hub SOAP service. SendDocument is answered only after the package is on the
 * durable outgoing queue: the JMS send of a persistent message returns once the broker has
 * written it to its journal, so a success the sender sees is never lost.
 */
@Component
public class HubIngress implements HubBackend {

    private static final Logger log = LoggerFactory.getLogger(HubIngress.class);

    private final IncomingPackageValidator validator;
    private final OutgoingQueue outgoing;
    private final PendingBox pendingBox;
    private final AgencyDirectory directory;
    private final AgencyStatuses statuses;
    private final StatusDocuments statusDocuments;

    public HubIngress(IncomingPackageValidator validator, OutgoingQueue outgoing, PendingBox pendingBox,
                      AgencyDirectory directory, AgencyStatuses statuses, StatusDocuments statusDocuments) {
        this.validator = validator;
        this.outgoing = outgoing;
        this.pendingBox = pendingBox;
        this.directory = directory;
        this.statuses = statuses;
        this.statusDocuments = statusDocuments;
    }

    @Override
    public SendReceipt send(String organId, String messageType, byte[] pkg) throws HubRejection {
        EdocPackage parsed;
        try {
            parsed = validator.validate(organId, messageType, pkg);
        } catch (HubRejection rejection) {
            log.warn("refused a {} package of {} bytes from {}: {} at {} ({}): {}", messageType, pkg.length, organId,
                    rejection.code(), rejection.field(), rejection.rule(), rejection.getMessage());
            throw rejection;
        }
        String documentId = statusDocuments.documentIdOf(parsed, organId)
                .orElseThrow(() -> unmatchedStatus(parsed, organId));
        return outgoing.enqueue(organId, parsed, pkg, documentId, DeliveryKeys.dedupKeyOf(parsed, documentId));
    }

    @Override
    public List<PendingItem> pending(String organId) {
        return pendingBox.pending(organId).stream()
                .map(e -> new PendingItem(e.id(), e.documentId(), e.senderId(), e.messageType(), e.receivedAt()))
                .toList();
    }

    @Override
    public PendingDocument fetch(String organId, String id) throws HubRejection {
        PendingBox.Stored stored = pendingBox.fetch(organId, id)
                .orElseThrow(() -> notFound(id));
        if (stored.withdrawn()) {
            throw withdrawn(id);
        }
        return new PendingDocument(id, stored.messageType(), stored.pkg());
    }

    /**
     * A local system confirms a document: the bus tells the document's sender "01, arrived"
     * (QCVN 102:2016 status) before recording the confirmation, so a crash in between repeats the
     * status with the same de-duplication key instead of losing it.
     */
    @Override
    public void confirmReceived(String organId, String id) throws HubRejection {
        PendingBox.Stored stored = pendingBox.fetch(organId, id).orElseThrow(() -> notFound(id));
        if (stored.withdrawn()) {
            throw withdrawn(id);
        }
        if (!stored.confirmed() && EdocPackage.Kind.EDOC.name().equals(stored.messageType())) {
            outgoing.enqueue(organId, statuses.arrived(organId, stored.pkg()));
        }
        if (pendingBox.confirm(organId, id) == PendingBox.Confirmation.WITHDRAWN) {
            // withdrawn between the two steps: the sender took it back; it was never handed over
            throw withdrawn(id);
        }
    }

    @Override
    public List<Organization> organizations() {
        return directory.all().stream()
                .map(a -> new Organization(a.organId(), a.name(), a.channel().name()))
                .toList();
    }

    /** A status naming its document by code only, and no document of that code reached this agency. */
    private static HubRejection unmatchedStatus(EdocPackage status, String organId) {
        HubRejection rejection = new HubRejection("INVALID_FIELD", "MessageHeader/ResponseFor/DocumentId",
                "names-a-known-document", "the status gives no ResponseFor/DocumentId, and no document of "
                + status.respondedOrganId() + " with code '" + status.respondedCode() + "' reached " + organId
                + " through this bus");
        log.warn("refused a STATUS package from {}: {}", organId, rejection.getMessage());
        return rejection;
    }

    private static HubRejection withdrawn(String id) {
        return new HubRejection("WITHDRAWN", "id", "not-withdrawn",
                "document " + id + " was taken back by its sender before this agency's system confirmed it");
    }

    private static HubRejection notFound(String id) {
        return new HubRejection("NOT_FOUND", "id", "exists-in-pending-box",
                "no document with id " + id + " waits in this agency's pending box");
    }
}
