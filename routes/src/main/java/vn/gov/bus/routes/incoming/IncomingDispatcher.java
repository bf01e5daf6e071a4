package vn.gov.bus.routes.incoming;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.StatusCodes;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.PendingBox;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.delivery.LocalDelivery;

/**
 * Delivers a package received from the axis to the local agencies it concerns through their
 * pending boxes: the To of a document (and, for a replacement, the agencies its ReplacementInfo
 * names), the ResponseFor organ of a status, and for a status 13 (the sender takes its document
 * back) every local agency that received that document. The package is delivered as received: it
 * keeps the sender's signature for the recipient to verify.
 */
@Component
public class IncomingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(IncomingDispatcher.class);

    private final EdxmlReader reader;
    private final AgencyDirectory directory;
    private final LocalDelivery localDelivery;
    private final PendingBox pendingBox;

    public IncomingDispatcher(EdxmlReader reader, AgencyDirectory directory, LocalDelivery localDelivery,
                              PendingBox pendingBox) {
        this.reader = reader;
        this.directory = directory;
        this.localDelivery = localDelivery;
        this.pendingBox = pendingBox;
    }

    public void dispatch(@Body byte[] pkg,
                         @Header(BusHeaders.MESSAGE_ID) String messageId,
                         @Header(BusHeaders.SENDER_ID) String senderId,
                         @Header(BusHeaders.DOCUMENT_ID) String documentId,
                         @Header(BusHeaders.MESSAGE_TYPE) String messageType,
                         @Header(BusHeaders.DEDUP_KEY) String dedupKey) {
        EdocPackage parsed = reader.read(pkg);
        List<String> local = new ArrayList<>();
        for (String recipient : concerned(parsed, senderId, documentId)) {
            Optional<Agency> agency = directory.find(recipient);
            if (agency.isPresent() && agency.get().channel() == Channel.LOCAL) {
                local.add(recipient);
            } else {
                // The axis routes to us only what is for our agencies; the other recipients get
                // their own copy from the axis.
                log.info("{} {} of {} (message {}) also names {}, which is not a local agency; not delivered here",
                        messageType, documentId, senderId, messageId, recipient);
            }
        }
        if (local.isEmpty()) {
            log.info("{} {} of {} (message {}) names no local agency; nothing to deliver", messageType, documentId,
                    senderId, messageId);
            return;
        }
        localDelivery.deliver(pkg, String.join(",", local), messageId, senderId, documentId, messageType, dedupKey);
    }

    private List<String> concerned(EdocPackage parsed, String senderId, String documentId) {
        if (parsed.kind() == EdocPackage.Kind.STATUS) {
            if (StatusCodes.TAKE_BACK_REQUESTED.equals(parsed.statusCode())) {
                // From the document's sender: it concerns whoever received the document here.
                return pendingBox.recipientsOf(senderId, documentId);
            }
            return Optional.ofNullable(parsed.respondedOrganId()).map(List::of).orElse(List.of());
        }
        Set<String> named = new LinkedHashSet<>(parsed.toOrganIds());
        parsed.replacements().forEach(r -> named.addAll(r.organIds()));
        return List.copyOf(named);
    }
}
