package vn.gov.bus.audit.verifier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a {@link Bundle} zip; the bus's export uses it, so writer and verifier share one layout. */
public final class BundleWriter implements AutoCloseable {

    private final ZipOutputStream zip;

    public BundleWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    public void info(String text) throws IOException {
        entry(Bundle.INFO, (Bundle.FORMAT + "\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void records(Iterable<ChainEntry> entries) throws IOException {
        zip.putNextEntry(new ZipEntry(Bundle.RECORDS));
        for (ChainEntry e : entries) {
            zip.write((e.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
    }

    public void payload(String sha256Hex, byte[] bytes) throws IOException {
        entry(Bundle.PAYLOADS + sha256Hex, bytes);
    }

    public void pruned(Collection<String> digests) throws IOException {
        entry(Bundle.PRUNED, (String.join("\n", digests) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void checkpoint(long seq, byte[] cms, byte[] timestampToken) throws IOException {
        entry(Bundle.CHECKPOINTS + seq + ".p7s", cms);
        if (timestampToken != null) {
            entry(Bundle.CHECKPOINTS + seq + ".tsr", timestampToken);
        }
    }

    public void certificate(String name, X509Certificate certificate) throws IOException {
        entry(Bundle.CERTS + name + ".pem", pem(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    public static String pem(X509Certificate certificate) {
        try {
            StringWriter out = new StringWriter();
            out.write("-----BEGIN CERTIFICATE-----\n");
            out.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()));
            out.write("\n-----END CERTIFICATE-----\n");
            return out.toString();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private void entry(String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
