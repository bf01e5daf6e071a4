package vn.gov.bus.audit.verifier;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Verifies a whole {@link Bundle}: records, payloads and checkpoints (see {@link ChainVerifier}). */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /**
     * @param anchors the trust anchors for the checkpoint and timestamp certificates; when empty,
     *                the self-signed certificates the bundle carries are used (an auditor should
     *                pass the roots obtained independently)
     */
    public static ChainVerifier.Report verify(Bundle bundle, List<X509Certificate> anchors) {
        List<X509Certificate> trusted = anchors.isEmpty() ? selfSigned(bundle.certificates()) : anchors;
        List<ChainVerifier.Checkpoint> checkpoints = new ArrayList<>();
        for (Map.Entry<Long, byte[]> s : bundle.signatures().entrySet()) {
            checkpoints.add(new ChainVerifier.Checkpoint(s.getKey(), s.getValue(), bundle.timestamps().get(s.getKey())));
        }
        ChainVerifier verifier = new ChainVerifier(new CheckpointVerifier(trusted));
        Iterator<String> lines = bundle.recordLines().iterator();
        List<ChainEntry> entries = new ArrayList<>();
        long lineNo = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            lineNo++;
            try {
                entries.add(ChainEntry.parse(line));
            } catch (IllegalArgumentException e) {
                long at = entries.isEmpty() ? lineNo : entries.get(entries.size() - 1).seq() + 1;
                return new ChainVerifier.Report(false, at, "line " + lineNo + " of " + Bundle.RECORDS
                        + " is unreadable: " + e.getMessage(), entries.size(), 0, 0, 0, 0, 0, 0, 0, 0);
            }
        }
        return verifier.verify(entries.iterator(), new ChainVerifier.Payloads() {
            @Override
            public byte[] get(String sha256Hex) {
                return bundle.payloads().get(sha256Hex);
            }

            @Override
            public boolean pruned(String sha256Hex) {
                return bundle.pruned().contains(sha256Hex);
            }
        }, checkpoints);
    }

    static List<X509Certificate> selfSigned(List<X509Certificate> certificates) {
        List<X509Certificate> roots = new ArrayList<>();
        for (X509Certificate c : certificates) {
            if (c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                try {
                    c.verify(c.getPublicKey());
                    roots.add(c);
                } catch (java.security.GeneralSecurityException notSelfSigned) {
                    // same names but another key: not a root
                }
            }
        }
        return roots;
    }
}
