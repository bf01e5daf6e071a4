package vn.gov.bus.routes.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdocPackage.DocumentReference;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.StatusPackages;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.DeliveryKey;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.MessageRegistry;
import vn.gov.bus.core.state.Tokens;
import vn.gov.bus.routes.BusHeaders;

/**
 * A mail delivery that failed for good (the SMTP server refused it, or a bounce came back): the
 * delivery becomes FAILED in the ledger (the document's timeline), the audit trail says why, and
 * the document's sender receives a status package on the recipient's behalf with the reason in
 * its Description. QCVN 102:2016 has no status code for "could not be delivered"; the code is
 * configuration (bus.mail.failure-status-code) rather than an invented one.
 */
@Component
public class DeliveryFailureNotices {

    static final String ENQUEUE = "direct:mail-failure-status";

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailureNotices.class);

    private final StatusPackages statusPackages;
    private final EdxmlReader reader;
    private final AgencyDirectory directory;
    private final DeliveryLedger ledger;
    private final MessageRegistry registry;
    private final ProducerTemplate producer;
    private final AuditTrail audit;
    private final MailChannelSettings settings;
    private final Clock clock;

    public DeliveryFailureNotices(StatusPackages statusPackages, EdxmlReader reader, AgencyDirectory directory,
                                  DeliveryLedger ledger, MessageRegistry registry, ProducerTemplate producer,
                                  AuditTrail audit, MailChannelSettings settings, Clock clock) {
        this.statusPackages = statusPackages;
        this.reader = reader;
        this.directory = directory;
        this.ledger = ledger;
        this.registry = registry;
        this.producer = producer;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** One failed delivery: what it was, to whom, and why. */
    /** @param bounced the mail server had accepted the mail, and a bounce reported it undeliverable later */
    public record Failure(String senderId, String dedupKey, String documentId, String messageType, String code,
                          String promulgationDate, String recipientId, String reason, String routeId,
                          boolean bounced) {
    }

    /**
     * Records the failure and queues the status for the sender (on the caller's thread: inside the
     * delivery route's JMS transaction, the status commits with the consumed message).
     */
    public void failed(Failure failure) {
        DeliveryKey key = new DeliveryKey(failure.senderId(), failure.dedupKey(), failure.recipientId());
        if (failure.bounced()) {
            ledger.markBounced(key, failure.reason());
        } else {
            ledger.recordFailure(key, failure.reason(), true);
        }
        audit.record(AuditEvent.of(AuditStep.FAILED).outcome(AuditOutcome.ERROR).documentId(failure.documentId())
                .routeId(failure.routeId()).senderId(failure.senderId()).recipientId(failure.recipientId())
                .detail("mail delivery failed: " + failure.reason()).build());
        if (!"EDOC".equals(failure.messageType())) {
            // a status about a status would have no document to point to; the ledger and audit say it
            log.warn("mail: status {} of {} to {} could not be delivered: {}", failure.documentId(),
                    failure.senderId(), failure.recipientId(), failure.reason());
            return;
        }
        String recipientName = directory.find(failure.recipientId()).map(Agency::name).orElse(failure.recipientId());
        String address = directory.find(failure.recipientId()).map(Agency::mail).orElse("?");
        String description = "Không chuyển được văn bản đến " + recipientName + " qua thư điện tử (" + address
                + "): " + failure.reason();
        Instant now = clock.instant();
        byte[] status = statusPackages.write(new StatusPackages.Spec(failure.recipientId(), recipientName,
                new DocumentReference(failure.senderId(), failure.code(), failure.promulgationDate(),
                        failure.documentId()),
                settings.failureStatusCode(), cut(description), "Trục liên thông",
                "Tự động khi thư điện tử không chuyển được", now));
        EdocPackage parsed = reader.read(status);
        // one notice per failed delivery, whatever path (SMTP refusal or bounce) reported it first
        String dedupKey = "status:" + failure.documentId() + "#" + settings.failureStatusCode() + "@mail-failure";
        String messageId = UUID.randomUUID().toString();
        Map<String, Object> headers = BusHeaders.of(messageId, failure.documentId(), failure.recipientId(),
                "STATUS", dedupKey);
        producer.sendBodyAndHeaders(ENQUEUE, status, headers);
        registry.record(messageId, "OUTGOING", "STATUS", failure.documentId(), failure.recipientId(),
                parsed.statusDescription(), Tokens.sha256Hex(status), now);
        log.warn("mail: {} of {} could not be delivered to {}: {}; status {} queued for the sender",
                failure.documentId(), failure.senderId(), failure.recipientId(), failure.reason(),
                settings.failureStatusCode());
    }

    /** Description, like Subject, is limited to 500 characters by the package rules. */
    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
