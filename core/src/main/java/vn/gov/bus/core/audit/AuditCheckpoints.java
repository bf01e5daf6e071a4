package vn.gov.bus.core.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.audit.verifier.CheckpointStatement;

/**
 * Writes checkpoints: the committed chain head signed with the bus's key (CMS) and, when a TSA is
 * configured, timestamped (RFC 3161, over the SHA-256 of the CMS bytes). A checkpoint is written
 * only when records were added since the last one. A TSA that fails does not stop the checkpoint:
 * it is stored signed, without a timestamp, and the failure is logged.
 *
 * <p>With several nodes any node may write a checkpoint of the committed head it reads (each signs
 * with its own key; the verifier checks every one against the anchors). Two nodes signing the same
 * head race on the checkpoint's seq: the first stays, the other is dropped.
 */
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final AuditStore store;
    private final CheckpointSigner signer;
    private final TimestampClient tsa;
    private final Clock clock;

    /** @param tsa null when no TSA is configured */
    public AuditCheckpoints(AuditStore store, CheckpointSigner signer, TimestampClient tsa, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.tsa = tsa;
        this.clock = clock;
    }

    public CheckpointSigner signer() {
        return signer;
    }

    /** Signs the current head if it is not signed yet; returns the checkpoint covering it (empty log: none). */
    public synchronized Optional<AuditStore.StoredCheckpoint> checkpoint() {
        AuditStore.Head head = store.head();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        Optional<AuditStore.StoredCheckpoint> last = store.lastCheckpoint();
        if (last.isPresent() && last.get().seq() >= head.seq()) {
            return last;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] statement = new CheckpointStatement(head.seq(), head.hash(), AuditRecord.TIME.format(now)).toBytes();
        byte[] cms = signer.sign(statement);
        byte[] token = null;
        if (tsa != null) {
            try {
                token = tsa.timestamp(cms);
            } catch (RuntimeException e) {
                log.warn("audit checkpoint at record {} is signed but not timestamped / điểm kiểm tra không có dấu "
                        + "thời gian: {}", head.seq(), e.getMessage());
            }
        }
        AuditStore.StoredCheckpoint checkpoint = new AuditStore.StoredCheckpoint(head.seq(), head.hash(), now, cms,
                token);
        if (!store.saveCheckpoint(checkpoint)) {
            // another node signed this head between our read and our insert: its checkpoint covers it
            return store.checkpointAt(head.seq());
        }
        log.info("audit checkpoint at record {} (head {}){}", head.seq(), head.hash(),
                token == null ? "" : ", timestamped");
        return Optional.of(checkpoint);
    }
}
