package vn.gov.bus.routes.incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.delivery.LocalDelivery;

/**
 * Delivers a package received from the axis to the local agencies it names (To for a document,
 * the ResponseFor organ for a status) through their pending boxes. The package is delivered as
 * received: it keeps the sender's signature for the recipient to verify.
 */
@Component
public class IncomingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(IncomingDispatcher.class);

    private final EdxmlReader reader;
    private final AgencyDirectory directory;
    private final LocalDelivery localDelivery;

    public IncomingDispatcher(EdxmlReader reader, AgencyDirectory directory, LocalDelivery localDelivery) {
        this.reader = reader;
        this.directory = directory;
        this.localDelivery = localDelivery;
    }

    public void dispatch(@Body byte[] pkg,
                         @Header(BusHeaders.MESSAGE_ID) String messageId,
                         @Header(BusHeaders.SENDER_ID) String senderId,
                         @Header(BusHeaders.DOCUMENT_ID) String documentId,
                         @Header(BusHeaders.MESSAGE_TYPE) String messageType,
                         @Header(BusHeaders.DEDUP_KEY) String dedupKey) {
        EdocPackage parsed = reader.read(pkg);
        List<String> named = parsed.kind() == EdocPackage.Kind.STATUS
                ? Optional.ofNullable(parsed.respondedOrganId()).map(List::of).orElse(List.of())
                : parsed.toOrganIds();
        List<String> local = new ArrayList<>();
        for (String recipient : named) {
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
}
