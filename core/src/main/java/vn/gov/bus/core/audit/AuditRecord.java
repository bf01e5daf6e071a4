package vn.gov.bus.core.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import vn.gov.bus.audit.verifier.ChainEntry;
import vn.gov.bus.audit.verifier.Digests;
import vn.gov.bus.audit.verifier.RecordEncoding;
import vn.gov.bus.audit.verifier.RecordFields;

/** One stored record of the audit log, with the hashes that chain it (docs/auditing.md). */
public record AuditRecord(long seq, Instant time, AuditStep step, AuditOutcome outcome, String messageId,
                          String documentId, String correlationId, String routeId, String senderId,
                          String recipientId, String actor, String origin, String detail, String payloadSha256,
                          String prevHash, String recordHash) {

    /** Millisecond precision, UTC, always three fraction digits: the text that is hashed. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public RecordFields fields() {
        return new RecordFields(seq, TIME.format(time), step.name(), outcome.name(), messageId, documentId,
                correlationId, routeId, senderId, recipientId, actor, origin, detail, payloadSha256);
    }

    public byte[] content() {
        return RecordEncoding.encode(fields());
    }

    /** The record as a bundle carries it: whole, or withheld (only its content digest). */
    public ChainEntry toEntry(boolean full) {
        byte[] prev = Digests.parseSha256Hex(prevHash);
        byte[] hash = Digests.parseSha256Hex(recordHash);
        byte[] content = content();
        return full ? ChainEntry.full(seq, prev, hash, content)
                : ChainEntry.withheld(seq, prev, hash, Digests.sha256(content));
    }

    /** Computes the record hash of these fields chained to {@code prevHash}. */
    static String hashOf(RecordFields fields, String prevHash) {
        byte[] digest = Digests.sha256(RecordEncoding.encode(fields));
        return Digests.hex(RecordEncoding.chainHash(Digests.parseSha256Hex(prevHash), digest));
    }
}
