package vn.gov.bus.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.gov.bus.core.pki.TestPki;

/** An audit log over one database, wired as the bus wires it, signing with the test PKI's signer. */
final class AuditFixture implements AutoCloseable {

    final AuditStore store;
    final AuditWriter writer;
    final AuditCheckpoints checkpoints;
    final AuditExporter exporter;
    final AuditVerification verification;
    final List<X509Certificate> anchors = new ArrayList<>();

    AuditFixture(DataSource ds, URI tsa, X509Certificate tsaRoot) {
        store = new AuditStore(ds);
        writer = new AuditWriter(store, Clock.systemUTC(), Duration.ofSeconds(10), 1000, 500);
        TestPki pki = TestPki.get();
        anchors.add(pki.root.certificate());
        if (tsaRoot != null) {
            anchors.add(tsaRoot);
        }
        checkpoints = new AuditCheckpoints(store, new CheckpointSigner(pki.signer),
                tsa == null ? null : new TimestampClient(tsa, Duration.ofSeconds(10)), Clock.systemUTC());
        exporter = new AuditExporter(store, checkpoints, anchors);
        verification = new AuditVerification(store, checkpoints, anchors);
    }

    AuditFixture(DataSource ds) {
        this(ds, null, null);
    }

    byte[] export(AuditQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exporter.export(query, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        writer.close();
    }
}
