package vn.gov.bus.routes.outgoing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.StatusCodes;
import vn.gov.bus.core.edxml.TraceHeaders;
import vn.gov.bus.core.signing.PackageSigner;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DeliveryKey;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.DeliveryState;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.BusIdentity;

/**
 * Routes one accepted package: finds each recipient's channel in the directory, appends this
 * hub's TraceHeader, signs the package once, records the deliveries in the ledger, and returns one
 * message per channel queue (one per local recipient; one for all axis recipients, because the
 * axis fans a package out to every To itself).
 */
@Component
public class OutgoingDispatcher {

    private final EdxmlReader reader;
    private final PackageSigner signer;
    private final AgencyDirectory directory;
    private final DeliveryLedger ledger;
    private final BusIdentity identity;
    private final Clock clock;

    public OutgoingDispatcher(EdxmlReader reader, PackageSigner signer, AgencyDirectory directory,
                              DeliveryLedger ledger, BusIdentity identity, Clock clock) {
        this.reader = reader;
        this.signer = signer;
        this.directory = directory;
        this.ledger = ledger;
        this.identity = identity;
        this.clock = clock;
    }

    public List<ChannelDelivery> dispatch(@Body byte[] pkg,
                                          @Header(BusHeaders.MESSAGE_ID) String messageId,
                                          @Header(BusHeaders.SENDER_ID) String senderId,
                                          @Header(BusHeaders.DOCUMENT_ID) String documentId,
                                          @Header(BusHeaders.MESSAGE_TYPE) String messageType,
                                          @Header(BusHeaders.DEDUP_KEY) String dedupKey) {
        EdocPackage parsed = reader.read(pkg);
        List<String> local = new ArrayList<>();
        List<String> axis = new ArrayList<>();
        List<String> mail = new ArrayList<>();
        for (String recipient : recipientsOf(parsed, senderId, documentId)) {
            Agency agency = directory.find(recipient).orElseThrow(() -> new UnroutableMessageException(
                    "recipient " + recipient + " is no longer in the agency directory"));
            DeliveryKey key = new DeliveryKey(senderId, dedupKey, recipient);
            ledger.register(key, documentId, messageType, agency.channel(), messageId);
            if (ledger.state(key).orElse(DeliveryState.QUEUED) == DeliveryState.DELIVERED) {
                continue;
            }
            switch (agency.channel()) {
                case LOCAL -> local.add(recipient);
                case AXIS -> axis.add(recipient);
                case MAIL -> {
                    if (agency.mail() == null || agency.mail().isBlank()) {
                        throw new UnroutableMessageException("recipient " + recipient
                                + " is reachable only by mail and has no mail address in the agency directory");
                    }
                    mail.add(recipient);
                }
            }
        }
        if (local.isEmpty() && axis.isEmpty() && mail.isEmpty()) {
            return List.of();
        }
        TraceHeaders.append(parsed.dom(), identity.organId(), clock.instant());
        signer.sign(parsed.dom());
        byte[] signed = parsed.toBytes();
        List<ChannelDelivery> deliveries = new ArrayList<>();
        for (String recipient : local) {
            deliveries.add(new ChannelDelivery(Channel.LOCAL, List.of(recipient), signed));
        }
        if (!axis.isEmpty()) {
            deliveries.add(new ChannelDelivery(Channel.AXIS, List.copyOf(axis), signed));
        }
        // one mail per recipient: each has its own address, Message-ID and ledger row
        for (String recipient : mail) {
            deliveries.add(new ChannelDelivery(Channel.MAIL, List.of(recipient), signed));
        }
        return deliveries;
    }

    /**
     * Who a package concerns: the To of a document, plus for a replacement the agencies its
     * ReplacementInfo names; the ResponseFor organ (the original sender) of a status; and for a
     * status 13, which the sender itself sends to take its document back, every recipient the
     * document was delivered to, as the ledger recorded them.
     */
    private List<String> recipientsOf(EdocPackage parsed, String senderId, String documentId) {
        if (parsed.kind() == EdocPackage.Kind.STATUS) {
            if (!StatusCodes.TAKE_BACK_REQUESTED.equals(parsed.statusCode())) {
                return List.of(parsed.respondedOrganId());
            }
            List<String> recipients = ledger.forDocument(senderId, documentId).stream()
                    .filter(r -> "EDOC".equals(r.messageType()) && documentId.equals(r.key().dedupKey()))
                    .map(r -> r.key().recipientId())
                    .toList();
            if (recipients.isEmpty()) {
                throw new UnroutableMessageException("status 13 takes back " + documentId + " of " + senderId
                        + ", which this bus never sent");
            }
            return recipients;
        }
        Set<String> named = new LinkedHashSet<>(parsed.toOrganIds());
        parsed.replacements().forEach(r -> named.addAll(r.organIds()));
        return List.copyOf(named);
    }
}
