package vn.gov.bus.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The feeds' de-duplication ledger on the real migrations, in a database file that outlives the "process". */
class FeedFileLedgerTest {

    @TempDir
    Path dir;

    FeedFileLedger open() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("bus") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        Flyway.configure().dataSource(ds).load().migrate();
        return new FeedFileLedger(new JdbcTemplate(ds));
    }

    @Test
    void aFileRecordedBeforeARestartIsRecognisedAfterItByNameAndChecksum() {
        long id = open().record("bank-statements", "VCB_1_20261130.xml", "ab".repeat(32), 1234,
                FeedFileLedger.Status.PROCESSED, null);

        FeedFileLedger afterRestart = open();
        assertThat(afterRestart.find("bank-statements", "VCB_1_20261130.xml", "ab".repeat(32)))
                .hasValueSatisfying(e -> {
                    assertThat(e.id()).isEqualTo(id);
                    assertThat(e.status()).isEqualTo(FeedFileLedger.Status.PROCESSED);
                });
        // same name, new content: a new file; same name and content again: refused by the database itself
        assertThat(afterRestart.find("bank-statements", "VCB_1_20261130.xml", "cd".repeat(32))).isEmpty();
        assertThatThrownBy(() -> afterRestart.record("bank-statements", "VCB_1_20261130.xml", "ab".repeat(32), 1234,
                FeedFileLedger.Status.PROCESSED, null)).isInstanceOf(DuplicateKeyException.class);
    }
}
