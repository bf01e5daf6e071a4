package vn.gov.bus.core.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import vn.gov.bus.audit.verifier.BundleWriter;
import vn.gov.bus.audit.verifier.ChainEntry;

/**
 * Exports the records a query selects as a bundle an auditor verifies offline. First the current
 * head is checkpointed, so every selected record is covered by a signature. The bundle holds the
 * run of records from the first selected one to the first checkpoint at or after the last
 * selected one: selected records whole, the others withheld (only their content digest), so
 * the chain verifies without disclosing unrelated messages.
 */
public class AuditExporter {

    public static final int MAX_SELECTED = 100_000;

    private final AuditStore store;
    private final AuditCheckpoints checkpoints;
    private final List<X509Certificate> anchors;

    /** @param anchors the roots the bus's and the TSA's certificates chain to, written into every bundle */
    public AuditExporter(AuditStore store, AuditCheckpoints checkpoints, List<X509Certificate> anchors) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.anchors = List.copyOf(anchors);
    }

    /** What was written. */
    public record Summary(int selected, long first, long last, int payloads, int checkpoints) {
    }

    public Summary export(AuditQuery query, OutputStream out) throws IOException {
        List<Long> selected = store.selectSeqs(query, MAX_SELECTED + 1);
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no audit record matches the selection");
        }
        if (selected.size() > MAX_SELECTED) {
            throw new IllegalArgumentException("more than " + MAX_SELECTED + " records match; narrow the selection");
        }
        checkpoints.checkpoint();
        long first = selected.get(0);
        long lastSelected = selected.get(selected.size() - 1);
        List<AuditStore.StoredCheckpoint> covering = new ArrayList<>();
        long last = -1;
        for (AuditStore.StoredCheckpoint c : store.checkpoints()) {
            if (c.seq() >= first && (last < 0 || c.seq() <= last)) {
                covering.add(c);
                if (last < 0 && c.seq() >= lastSelected) {
                    last = c.seq();
                }
            }
        }
        if (last < 0) {
            throw new IllegalStateException("no checkpoint covers record " + lastSelected);
        }
        Set<Long> chosen = new HashSet<>(selected);
        List<ChainEntry> entries = new ArrayList<>();
        Set<String> digests = new LinkedHashSet<>();
        for (Iterator<AuditRecord> it = store.range(first, last); it.hasNext(); ) {
            AuditRecord r = it.next();
            boolean full = chosen.contains(r.seq());
            entries.add(r.toEntry(full));
            if (full && r.payloadSha256() != null) {
                digests.add(r.payloadSha256());
            }
        }
        int payloads = 0;
        List<String> pruned = new ArrayList<>();
        try (BundleWriter bundle = new BundleWriter(out)) {
            bundle.info("selection: " + query + "\nrecords: " + first + ".." + last + " (" + selected.size()
                    + " selected)");
            bundle.records(entries);
            for (String d : digests) {
                var bytes = store.payload(d);
                if (bytes.isPresent()) {
                    bundle.payload(d, bytes.get());
                    payloads++;
                } else if (store.isPruned(d)) {
                    pruned.add(d);
                }
            }
            bundle.pruned(pruned);
            Map<String, X509Certificate> certs = new LinkedHashMap<>();
            for (AuditStore.StoredCheckpoint c : covering) {
                bundle.checkpoint(c.seq(), c.signature(), c.timestampToken());
                certificatesOf(c.signature()).forEach(x -> certs.putIfAbsent(name(x), x));
                if (c.timestampToken() != null) {
                    certificatesOf(c.timestampToken()).forEach(x -> certs.putIfAbsent(name(x), x));
                }
            }
            anchors.forEach(a -> certs.putIfAbsent(name(a), a));
            for (Map.Entry<String, X509Certificate> c : certs.entrySet()) {
                bundle.certificate(c.getKey(), c.getValue());
            }
        }
        return new Summary(selected.size(), first, last, payloads, covering.size());
    }

    private static String name(X509Certificate c) {
        return c.getSerialNumber().toString(16) + "-" + Integer.toHexString(c.getSubjectX500Principal().hashCode());
    }

    private static List<X509Certificate> certificatesOf(byte[] cms) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object h : new CMSSignedData(cms).getCertificates().getMatches(null)) {
                out.add(converter.getCertificate((X509CertificateHolder) h));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("a stored checkpoint's CMS cannot be read: " + e.getMessage(), e);
        }
    }
}
