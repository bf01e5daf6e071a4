package vn.gov.bus.routes.mail;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.state.MessageRegistry;
import vn.gov.bus.core.state.Tokens;
import vn.gov.bus.routes.BusHeaders;
import vn.gov.bus.routes.BusMdc;
import vn.gov.bus.routes.DeliveryKeys;

/**
 * Puts an accepted mail's package on the durable incoming queue (the same flow as packages from
 * the axis: incoming-dispatch delivers it to the local recipients' pending boxes). Returns once
 * the broker has it.
 */
@Component
public class MailIncomingQueue {

    static final String ENQUEUE = "direct:mail-incoming-enqueue";

    private final ProducerTemplate producer;
    private final MessageRegistry registry;

    public MailIncomingQueue(ProducerTemplate producer, MessageRegistry registry) {
        this.producer = producer;
        this.registry = registry;
    }

    /** @return the bus message id of the queued package */
    public String enqueue(MailVerdict verdict) {
        var parsed = verdict.parsed();
        String messageId = UUID.randomUUID().toString();
        String documentId = DeliveryKeys.documentIdOf(parsed);
        String type = parsed.kind().name();
        Map<String, Object> headers = BusHeaders.of(messageId, documentId, parsed.fromOrganId(), type,
                DeliveryKeys.dedupKeyOf(parsed));
        headers.put(BusHeaders.VERIFICATION, verdict.verification());
        try (BusMdc ids = BusMdc.with(messageId, documentId)) {
            // block=false: with the enqueue route stopped the send fails at once and the mail stays in the inbox
            producer.sendBodyAndHeaders(ENQUEUE + "?block=false", verdict.pkg(), headers);
            registry.record(messageId, "INCOMING", type, documentId, parsed.fromOrganId(), parsed.subject(),
                    Tokens.sha256Hex(verdict.pkg()), Instant.now());
        }
        return messageId;
    }
}
