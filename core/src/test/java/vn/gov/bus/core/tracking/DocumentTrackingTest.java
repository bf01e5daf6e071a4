package vn.gov.bus.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DeliveryKey;
import vn.gov.bus.core.state.DeliveryLedger;
import vn.gov.bus.core.state.MessageRegistry;
import vn.gov.bus.core.state.PendingBox;

/** Document tracking over the real migrations and the stores the routes write (H2, PostgreSQL mode). */
class DocumentTrackingTest {

    static final String FINANCE = "000.00.05.H53";
    static final String OFFICE = "000.00.01.H53";
    static final String GOVERNMENT_OFFICE = "000.00.00.G22";
    static final String DOC = FINANCE + ",2026/12/01,125/STC-NS";
    static final byte[] PKG = "<edXML/>".getBytes(StandardCharsets.UTF_8);

    MessageRegistry registry;
    DeliveryLedger ledger;
    PendingBox box;
    StatusLog statuses;
    DocumentTracking tracking;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        registry = new MessageRegistry(jdbc);
        ledger = new DeliveryLedger(jdbc);
        box = new PendingBox(jdbc);
        statuses = new StatusLog(jdbc);
        tracking = new DocumentTracking(jdbc);
    }

    /** Finance sends DOC to the office (local) and the Government Office (axis). */
    void sendToOfficeAndGovernmentOffice() {
        registry.record("m-1", "OUTGOING", "EDOC", DOC, FINANCE, "Về việc quyết toán", "00", Instant.now());
        DeliveryKey office = new DeliveryKey(FINANCE, DOC, OFFICE);
        DeliveryKey government = new DeliveryKey(FINANCE, DOC, GOVERNMENT_OFFICE);
        ledger.register(office, DOC, "EDOC", Channel.LOCAL, "m-1");
        ledger.register(government, DOC, "EDOC", Channel.AXIS, "m-1");
        String entry = box.deposit(OFFICE, FINANCE, DOC, DOC, "EDOC", "m-1", PKG).orElseThrow();
        ledger.markDelivered(office, entry);
        ledger.claim(government, java.time.Duration.ofMinutes(2));
        ledger.markDelivered(government, "axis-42");
        box.confirm(OFFICE, entry);
    }

    StatusLog.Status status(String from, String code, String staff) {
        return new StatusLog.Status(from, "status:" + DOC + "#" + code + "@t", FINANCE, DOC, "125/STC-NS", code,
                "mô tả " + code, "Văn thư", staff, Instant.parse("2026-12-01T03:00:00Z"), "INCOMING", "s-" + code);
    }

    @Test
    void documentShowsEveryRecipientWithItsChannelStateAndTimelineIncludingStatusesWithStaff() {
        sendToOfficeAndGovernmentOffice();
        statuses.record(status(OFFICE, "01", "Tự động"), Instant.now());
        statuses.record(status(GOVERNMENT_OFFICE, "03", "Nguyễn Văn An"), Instant.now());

        DocumentTimeline doc = tracking.document(FINANCE, DOC).orElseThrow();

        assertThat(doc.direction()).isEqualTo("OUTGOING");
        assertThat(doc.subject()).isEqualTo("Về việc quyết toán");
        assertThat(doc.state()).isEqualTo("DELIVERED");
        assertThat(doc.recipients()).extracting(TrackedRecipient::organId, TrackedRecipient::channel,
                        TrackedRecipient::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(OFFICE, "LOCAL", "STATUS_01"),
                        org.assertj.core.groups.Tuple.tuple(GOVERNMENT_OFFICE, "AXIS", "STATUS_03"));
        TrackedRecipient government = doc.recipients().stream()
                .filter(r -> r.organId().equals(GOVERNMENT_OFFICE)).findFirst().orElseThrow();
        assertThat(government.timeline()).extracting(TimelineEvent::kind)
                .containsExactly("ROUTED", "SENT_TO_AXIS", "STATUS");
        assertThat(government.timeline().get(1).detail()).contains("axis-42");
        assertThat(government.timeline().get(2).staff()).isEqualTo("Nguyễn Văn An (Văn thư)");
        assertThat(government.timeline().get(2).detail()).contains("status 03 (accepted and registered)");
        assertThat(doc.timeline().get(0).kind()).isEqualTo("ACCEPTED");
        assertThat(doc.timeline()).extracting(TimelineEvent::kind).contains("IN_PENDING_BOX", "CONFIRMED");
    }

    @Test
    void statusSeenTwiceAppearsOnceAndAnUndocumentedCodeIsShownWithoutAMeaning() {
        sendToOfficeAndGovernmentOffice();
        statuses.record(status(GOVERNMENT_OFFICE, "09", "Nguyễn Văn An"), Instant.now());
        statuses.record(status(GOVERNMENT_OFFICE, "09", "Nguyễn Văn An"), Instant.now());

        DocumentTimeline doc = tracking.document(FINANCE, DOC).orElseThrow();

        assertThat(doc.timeline()).filteredOn(e -> "STATUS".equals(e.kind())).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("status 09, set at").doesNotContain("(")
                        .contains("mô tả 09"));
    }

    @Test
    void refusedDeliveryMakesTheDocumentFailedAndWithdrawalFromEveryBoxMakesItWithdrawn() {
        registry.record("m-2", "INCOMING", "EDOC", DOC, GOVERNMENT_OFFICE, "Thu hồi", "00", Instant.now());
        DeliveryKey finance = new DeliveryKey(GOVERNMENT_OFFICE, DOC, FINANCE);
        ledger.register(finance, DOC, "EDOC", Channel.LOCAL, "m-2");
        box.deposit(FINANCE, GOVERNMENT_OFFICE, DOC, DOC, "EDOC", "m-2", PKG);
        ledger.markDelivered(finance, "e-1");
        box.withdraw(FINANCE, GOVERNMENT_OFFICE, DOC, "Ban hành nhầm");
        assertThat(tracking.document(GOVERNMENT_OFFICE, DOC).orElseThrow().state()).isEqualTo("WITHDRAWN");

        sendToOfficeAndGovernmentOffice();
        DeliveryKey other = new DeliveryKey(FINANCE, DOC, "000.00.00.H01");
        ledger.register(other, DOC, "EDOC", Channel.AXIS, "m-1");
        ledger.recordFailure(other, "axis: unknown recipient", true);
        DocumentTimeline doc = tracking.document(FINANCE, DOC).orElseThrow();
        assertThat(doc.state()).isEqualTo("FAILED");
        assertThat(doc.timeline()).filteredOn(e -> "DELIVERY_FAILED".equals(e.kind())).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("axis: unknown recipient"));
    }

    @Test
    void listFiltersByAgencyDirectionPeriodAndState() {
        sendToOfficeAndGovernmentOffice();
        Instant now = Instant.now();

        assertThat(tracking.list(new DocumentTracking.Query(OFFICE, null, null, null, null, null, 10)))
                .singleElement().satisfies(d -> {
                    assertThat(d.documentId()).isEqualTo(DOC);
                    assertThat(d.recipients()).containsExactlyInAnyOrder(OFFICE, GOVERNMENT_OFFICE);
                });
        assertThat(tracking.list(new DocumentTracking.Query(FINANCE, "OUTGOING", now.minusSeconds(60),
                now.plusSeconds(60), "DELIVERED", null, 10))).hasSize(1);
        assertThat(tracking.list(new DocumentTracking.Query(FINANCE, "INCOMING", null, null, null, null, 10))).isEmpty();
        assertThat(tracking.list(new DocumentTracking.Query(FINANCE, null, now.plusSeconds(60), null, null, null, 10)))
                .isEmpty();
        assertThat(tracking.list(new DocumentTracking.Query(FINANCE, null, null, null, "FAILED", null, 10))).isEmpty();
        assertThat(tracking.list(new DocumentTracking.Query("000.00.09.H53", null, null, null, null, null, 10))).isEmpty();
        assertThat(tracking.document(FINANCE, "unknown")).isEmpty();
    }

    @Test
    void listFindsTextInTheNumberNotationOrTheSubjectIgnoringCaseAndTakesWildcardsLiterally() {
        sendToOfficeAndGovernmentOffice();

        assertThat(tracking.list(query("125/stc"))).singleElement().satisfies(d -> assertThat(d.documentId()).isEqualTo(DOC));
        assertThat(tracking.list(query("QUYẾT TOÁN"))).hasSize(1);
        assertThat(tracking.list(query("126/STC"))).isEmpty();
        assertThat(tracking.list(query("%"))).isEmpty();
        assertThat(tracking.list(query("_25/STC"))).isEmpty();
        assertThat(tracking.list(query("  "))).hasSize(1);
    }

    static DocumentTracking.Query query(String text) {
        return new DocumentTracking.Query(null, null, null, null, null, text, 10);
    }
}
