package vn.gov.bus.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Matching a status that names its document by code only: (sender, recipient, code[, date]). */
class DocumentCodesTest {

    static final String FINANCE = "000.00.05.H53";
    static final String OFFICE = "000.00.01.H53";
    static final String GOVERNMENT_OFFICE = "000.00.00.G22";

    DocumentCodes codes;
    DeliveryLedger ledger;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        codes = new DocumentCodes(jdbc);
        ledger = new DeliveryLedger(jdbc);
    }

    void sent(String documentId, String code, String date, String recipient) {
        codes.record(FINANCE, documentId, code, date);
        ledger.register(new DeliveryKey(FINANCE, documentId, recipient), documentId, "EDOC", Channel.AXIS, "m");
    }

    @Test
    void statusIsMatchedToTheDocumentOfThatCodeDeliveredToItsSetter() {
        sent("doc-a", "12/STC-NS", "2026/12/01", GOVERNMENT_OFFICE);
        sent("doc-b", "12/STC-NS", "2026/12/01", OFFICE);

        assertThat(codes.resolve(FINANCE, "12/STC-NS", "2026/12/01", GOVERNMENT_OFFICE)).contains("doc-a");
        assertThat(codes.resolve(FINANCE, "12/STC-NS", null, OFFICE)).contains("doc-b");
        assertThat(codes.resolve(FINANCE, "12/STC-NS", null, "000.00.09.H53")).isEmpty();
        assertThat(codes.resolve(FINANCE, "13/STC-NS", null, OFFICE)).isEmpty();
    }

    @Test
    void promulgationDateTellsApartNumbersThatRestartEveryYear() {
        sent("doc-2025", "12/STC-NS", "2025/03/01", GOVERNMENT_OFFICE);
        sent("doc-2026", "12/STC-NS", "2026/03/01", GOVERNMENT_OFFICE);

        assertThat(codes.resolve(FINANCE, "12/STC-NS", "2025/03/01", GOVERNMENT_OFFICE)).contains("doc-2025");
        assertThat(codes.resolve(FINANCE, " 12/STC-NS ", "2026/03/01", GOVERNMENT_OFFICE)).contains("doc-2026");
        // a date no document has: the newest document of the code
        assertThat(codes.resolve(FINANCE, "12/STC-NS", "2024/01/01", GOVERNMENT_OFFICE)).contains("doc-2026");
    }

    @Test
    void firstRecordOfADocumentIsKept() {
        sent("doc-a", "12/STC-NS", "2026/12/01", GOVERNMENT_OFFICE);
        codes.record(FINANCE, "doc-a", "99/OTHER", "2026/12/01");

        assertThat(codes.resolve(FINANCE, "12/STC-NS", null, GOVERNMENT_OFFICE)).contains("doc-a");
        assertThat(codes.resolve(FINANCE, "99/OTHER", null, null)).isEmpty();
    }
}
