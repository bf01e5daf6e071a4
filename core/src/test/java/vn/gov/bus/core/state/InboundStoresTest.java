package vn.gov.bus.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Quarantine and inbound receipts on the real migrations (H2 in PostgreSQL mode). */
class InboundStoresTest {

    Quarantine quarantine;
    InboundReceipts receipts;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        quarantine = new Quarantine(jdbc);
        receipts = new InboundReceipts(jdbc);
    }

    @Test
    void quarantiningTheSameRemotePackageTwiceKeepsOneRowWithTheFirstReason() {
        byte[] pkg = "<edXML/>".getBytes(StandardCharsets.UTF_8);
        String first = quarantine.put("AXIS", "r-1", "000.00.00.G22", "doc-1", "EDOC", "UNSIGNED", "first", pkg);
        String second = quarantine.put("AXIS", "r-1", "000.00.00.G22", "doc-1", "EDOC", "UNSIGNED", "second", pkg);
        assertThat(second).isEqualTo(first);
        assertThat(quarantine.fromSender("000.00.00.G22")).singleElement()
                .satisfies(e -> assertThat(e.reasonText()).isEqualTo("first"));
    }

    @Test
    void oversizedFieldsOfARefusedPackageAreCutButThePackageIsKeptWhole() {
        String longSender = "S".repeat(200);
        String longReason = "R".repeat(5000);
        byte[] pkg = new byte[10_000];
        quarantine.put("AXIS", "r-2", longSender, "D".repeat(1000), "EDOC", "MALFORMED_PACKAGE", longReason, pkg);
        Quarantine.Entry entry = quarantine.find("AXIS", "r-2").orElseThrow();
        assertThat(entry.senderId()).hasSize(64);
        assertThat(entry.documentId()).hasSize(512);
        assertThat(entry.reasonText()).hasSize(Quarantine.MAX_REASON).endsWith("…");
        assertThat(entry.pkg()).hasSize(10_000);
    }

    @Test
    void aReceiptIsRecordedOncePerSenderAndKey() {
        assertThat(receipts.acceptedAs("000.00.00.G22", "doc-1")).isEmpty();
        assertThat(receipts.record("000.00.00.G22", "doc-1", "doc-1", "EDOC", "AXIS", "r-1", "m-1", "VALID")).isTrue();
        assertThat(receipts.record("000.00.00.G22", "doc-1", "doc-1", "EDOC", "AXIS", "r-2", "m-2", "VALID")).isFalse();
        assertThat(receipts.acceptedAs("000.00.00.G22", "doc-1")).contains("m-1");
        assertThat(receipts.acceptedAs("000.00.00.H01", "doc-1")).isEmpty();
    }
}
