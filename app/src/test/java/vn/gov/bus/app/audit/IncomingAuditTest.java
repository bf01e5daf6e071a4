package vn.gov.bus.app.audit;

import static vn.gov.bus.app.DemoAgencies.FINANCE;
import static vn.gov.bus.app.DemoAgencies.GOVERNMENT_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.bus.app.SimulatorTestPorts;
import vn.gov.bus.app.config.PackageConfiguration;
import vn.gov.bus.connectors.axis.simulator.AxisSimulator;
import vn.gov.bus.core.audit.AuditQuery;
import vn.gov.bus.core.audit.AuditRecord;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.edxml.EdocPackage;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.signing.PackageSigner;

/** The incoming flow's audit records: packages waiting in the axis simulator (HTTP), polled by the bus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bus.simulators.enabled=true",
        "bus.simulators.demo-traffic=false",
        "bus.simulators.axis-directory-size=1000",
        "bus.axis.poll-interval=200ms",
        "bus.axis.request-timeout=5s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IncomingAuditTest {

    static final String SYSTEM_ID = "00.53.W00";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatorTestPorts.register(registry, dataDir);
    }

    @Autowired
    AxisSimulator axis;
    @Autowired
    EdxmlReader reader;
    @Autowired
    AuditStore store;
    @Autowired
    PackageConfiguration.Pki pki;

    List<String> steps(String documentId) {
        return store.search(AuditQuery.byDocument(documentId), 0, 100).records().stream()
                .map(r -> r.step() + " " + r.outcome() + " " + r.routeId()).toList();
    }

    @Test
    void anAcceptedPackageIsRecordedVerifiedQueuedAcknowledgedAndDeliveredWithTheBytesReceived() {
        EdocPackage parsed = reader.read(SamplePackages.edoc().from(GOVERNMENT_OFFICE, "Văn phòng Chính phủ")
                .to(FINANCE, "Sở Tài chính").subject("Văn bản đến có chữ ký").build());
        // signed under a root the bus trusts (its own development root)
        new PackageSigner(pki.key()).sign(parsed.dom());
        byte[] pkg = parsed.toBytes();
        axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        String documentId = parsed.documentId();
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(documentId).contains("DELIVERED OK incoming-dispatch")
                && steps(documentId).contains("ACKNOWLEDGED OK axis-incoming-poll"));
        List<AuditRecord> records = store.search(AuditQuery.byDocument(documentId), 0, 100).records();
        AuditRecord verified = records.stream().filter(r -> r.step().name().equals("VERIFIED")).findFirst().orElseThrow();
        assertThat(verified.detail()).startsWith("VALID");
        assertThat(store.payload(verified.payloadSha256())).hasValue(pkg);
        assertThat(steps(documentId)).contains("QUEUED OK axis-incoming-enqueue");
    }

    @Test
    void aRefusedPackageIsRecordedQuarantinedAndAcknowledgedFailWithTheReason() {
        byte[] pkg = SamplePackages.edoc().from("000.00.00.H29", "Tỉnh chưa ký số").to(FINANCE, "Sở Tài chính")
                .subject("Văn bản chưa ký").build();
        String documentId = reader.read(pkg).documentId();
        axis.enqueueIncoming(SYSTEM_ID, pkg, "edoc");
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(documentId)
                .contains("ACKNOWLEDGED REFUSED axis-incoming-poll"));
        AuditRecord quarantined = store.search(AuditQuery.byDocument(documentId), 0, 100).records().stream()
                .filter(r -> r.step().name().equals("QUARANTINED")).findFirst().orElseThrow();
        assertThat(quarantined.detail()).contains("UNSIGNED");
        assertThat(store.payload(quarantined.payloadSha256())).hasValue(pkg);
    }
}
