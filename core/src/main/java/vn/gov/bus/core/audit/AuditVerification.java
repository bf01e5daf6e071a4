package vn.gov.bus.core.audit;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import vn.gov.bus.audit.verifier.ChainEntry;
import vn.gov.bus.audit.verifier.ChainVerifier;
import vn.gov.bus.audit.verifier.CheckpointVerifier;

/**
 * The offline verifier's checks run on the live store: every record from the first, every
 * stored payload, every checkpoint. The current head is checkpointed first, so the last records
 * are covered.
 */
public class AuditVerification {

    private final AuditStore store;
    private final AuditCheckpoints checkpoints;
    private final List<X509Certificate> anchors;

    public AuditVerification(AuditStore store, AuditCheckpoints checkpoints, List<X509Certificate> anchors) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.anchors = List.copyOf(anchors);
    }

    public ChainVerifier.Report verify() {
        checkpoints.checkpoint();
        long last = store.head().seq();
        Iterator<AuditRecord> records = store.range(1, last);
        Iterator<ChainEntry> entries = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public ChainEntry next() {
                return records.next().toEntry(true);
            }
        };
        List<ChainVerifier.Checkpoint> signed = new ArrayList<>();
        store.checkpoints().forEach(c -> signed.add(new ChainVerifier.Checkpoint(c.seq(), c.signature(),
                c.timestampToken())));
        return new ChainVerifier(new CheckpointVerifier(anchors)).verify(entries, new ChainVerifier.Payloads() {
            @Override
            public byte[] get(String sha256Hex) {
                return store.payload(sha256Hex).orElse(null);
            }

            @Override
            public boolean pruned(String sha256Hex) {
                return store.isPruned(sha256Hex);
            }
        }, signed);
    }
}
