package vn.gov.bus.audit.verifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An export bundle as read from its zip file (layout in docs/auditing.md):
 * <pre>
 * bundle.txt                  format name and what was selected (informative)
 * records.txt                 one {@link ChainEntry} line per record, in sequence order
 * payloads/&lt;sha256 hex&gt;       the exact payload bytes, once per digest
 * pruned.txt                  digests whose payloads retention removed (one per line)
 * checkpoints/&lt;seq&gt;.p7s       CMS SignedData over a {@link CheckpointStatement}
 * checkpoints/&lt;seq&gt;.tsr       RFC 3161 TimeStampToken over the SHA-256 of that .p7s (optional)
 * certs/*.pem                 certificates to verify the signatures (roots are the default anchors)
 * </pre>
 */
public record Bundle(List<String> recordLines, Map<String, byte[]> payloads, Set<String> pruned,
                     TreeMap<Long, byte[]> signatures, Map<Long, byte[]> timestamps,
                     List<X509Certificate> certificates) {

    public static final String FORMAT = "bus-audit-bundle/1";
    public static final String RECORDS = "records.txt";
    public static final String PRUNED = "pruned.txt";
    public static final String INFO = "bundle.txt";
    public static final String PAYLOADS = "payloads/";
    public static final String CHECKPOINTS = "checkpoints/";
    public static final String CERTS = "certs/";

    public static Bundle read(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            return read(in);
        }
    }

    public static Bundle read(InputStream raw) throws IOException {
        List<String> lines = null;
        Map<String, byte[]> payloads = new HashMap<>();
        Set<String> pruned = new LinkedHashSet<>();
        TreeMap<Long, byte[]> signatures = new TreeMap<>();
        Map<Long, byte[]> timestamps = new HashMap<>();
        List<X509Certificate> certificates = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = zip.readAllBytes();
                if (name.equals(RECORDS)) {
                    lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
                } else if (name.equals(PRUNED)) {
                    new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty()).forEach(pruned::add);
                } else if (name.startsWith(PAYLOADS)) {
                    payloads.put(name.substring(PAYLOADS.length()), bytes);
                } else if (name.startsWith(CHECKPOINTS) && name.endsWith(".p7s")) {
                    signatures.put(checkpointSeq(name), bytes);
                } else if (name.startsWith(CHECKPOINTS) && name.endsWith(".tsr")) {
                    timestamps.put(checkpointSeq(name), bytes);
                } else if (name.startsWith(CERTS) && name.endsWith(".pem")) {
                    certificates.addAll(parseCertificates(bytes, name));
                }
            }
        }
        if (lines == null) {
            throw new IOException("the bundle has no " + RECORDS + ": not a " + FORMAT + " bundle");
        }
        return new Bundle(lines, payloads, pruned, signatures, timestamps, certificates);
    }

    private static long checkpointSeq(String name) throws IOException {
        String base = name.substring(CHECKPOINTS.length(), name.length() - 4);
        try {
            return Long.parseLong(base);
        } catch (NumberFormatException e) {
            throw new IOException("checkpoint file " + name + " is not named by its record number");
        }
    }

    public static List<X509Certificate> parseCertificates(byte[] pem, String name) throws IOException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                    .forEach(c -> out.add((X509Certificate) c));
            return out;
        } catch (CertificateException e) {
            throw new IOException(name + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }
}
