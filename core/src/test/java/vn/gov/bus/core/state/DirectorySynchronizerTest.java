package vn.gov.bus.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The directory synchronisation on the real migrations (H2 in PostgreSQL mode, as the bus runs embedded). */
class DirectorySynchronizerTest {

    static final int NATIONAL_SIZE = 110_000;

    JdbcTemplate jdbc;
    AgencyDirectory directory;
    DirectorySynchronizer synchronizer;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = new JdbcTemplate(ds);
        directory = new AgencyDirectory(jdbc);
        synchronizer = new DirectorySynchronizer(jdbc);
    }

    @AfterEach
    void dropDatabase() {
        // DB_CLOSE_DELAY=-1 keeps an in-memory database alive; 110,000 rows per test add up
        jdbc.execute("SHUTDOWN");
    }

    /** A tree: every entry after the first 100 hangs under one of the first 100. */
    static List<AxisDirectoryEntry> national(int size) {
        List<AxisDirectoryEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String pid = i < 100 ? "0" : String.valueOf(i % 100 + 1);
            entries.add(new AxisDirectoryEntry(String.valueOf(i + 1), pid, code(i),
                    "Sở Nội vụ số " + i, "vanthu" + i + "@example.gov.vn"));
        }
        return entries;
    }

    static String code(int i) {
        return String.format("%03d.%02d.%02d.G%02d", i % 1000, (i / 1000) % 100, (i / 100_000) % 100, 1);
    }

    @Test
    void fullSyncOf110000EntriesInsertsThemAllAndAnIdenticalSecondSyncChangesNothing() {
        List<AxisDirectoryEntry> national = national(NATIONAL_SIZE);

        // wall time depends on what else the machine runs; the thread's CPU time says what the sync costs
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        SyncReport first = synchronizer.synchronise(national);
        long firstCpu = threads.getCurrentThreadCpuTime() - cpu;
        System.out.printf("directory sync of %d entries on H2: first %d ms wall, %d ms CPU (%d inserted)%n",
                NATIONAL_SIZE, first.duration().toMillis(), firstCpu / 1_000_000, first.inserted());
        cpu = threads.getCurrentThreadCpuTime();
        SyncReport second = synchronizer.synchronise(national);
        System.out.printf("directory sync of %d entries on H2: identical second %d ms wall, %d ms CPU%n",
                NATIONAL_SIZE, second.duration().toMillis(), (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);

        assertThat(first.received()).isEqualTo(NATIONAL_SIZE);
        assertThat(first.inserted()).isEqualTo(NATIONAL_SIZE);
        assertThat(first.nonConformingCodes()).isZero();
        assertThat(directory.count()).isEqualTo(NATIONAL_SIZE);
        assertThat(second.noChanges()).isTrue();
        assertThat(second.unchanged()).isEqualTo(NATIONAL_SIZE);
        assertThat(directory.find(code(150))).hasValueSatisfying(a -> {
            assertThat(a.channel()).isEqualTo(Channel.AXIS);
            assertThat(a.source()).isEqualTo("AXIS");
            assertThat(a.signaturePolicy()).isEqualTo("REJECT_UNSIGNED");
            assertThat(a.parentId()).isEqualTo(code(50));
            assertThat(a.mail()).isEqualTo("vanthu150@example.gov.vn");
        });
    }

    @Test
    void renamedRemovedAndNewEntriesAreEachAppliedAndNothingElse() {
        List<AxisDirectoryEntry> national = national(1_000);
        synchronizer.synchronise(national);
        jdbc.update("UPDATE agency SET updated_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'");

        List<AxisDirectoryEntry> next = new ArrayList<>(national);
        AxisDirectoryEntry renamed = next.get(10);
        next.set(10, new AxisDirectoryEntry(renamed.id(), renamed.pid(), renamed.code(), "Sở Tư pháp", renamed.mail()));
        AxisDirectoryEntry removed = next.remove(500);
        next.add(new AxisDirectoryEntry("9001", "0", "000.00.99.G01", "Bộ mới", null));

        SyncReport report = synchronizer.synchronise(next);

        assertThat(report).extracting(SyncReport::inserted, SyncReport::updated, SyncReport::deleted,
                SyncReport::unchanged).containsExactly(1, 1, 1, 998);
        assertThat(directory.find(renamed.code())).get().extracting(Agency::name).isEqualTo("Sở Tư pháp");
        assertThat(directory.find(removed.code())).isEmpty();
        assertThat(directory.find("000.00.99.G01")).get().extracting(Agency::name).isEqualTo("Bộ mới");
        Integer touched = jdbc.queryForObject(
                "SELECT COUNT(*) FROM agency WHERE updated_at > TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'",
                Integer.class);
        assertThat(touched).isEqualTo(2);
    }

    @Test
    void seededLocalAgencyWithTheSameCodeKeepsItsChannelTokenAndPolicy() {
        String code = code(7);
        directory.upsert(new Agency(code, "Văn phòng UBND tỉnh", Channel.LOCAL, null, "ACCEPT_UNSIGNED", null, "SEED"),
                Tokens.sha256Hex("secret-token"));

        SyncReport report = synchronizer.synchronise(national(100));

        assertThat(report.localOverrides()).isEqualTo(1);
        assertThat(report.inserted()).isEqualTo(99);
        assertThat(directory.find(code)).hasValue(
                new Agency(code, "Văn phòng UBND tỉnh", Channel.LOCAL, null, "ACCEPT_UNSIGNED", null, "SEED"));
        assertThat(directory.authenticate(code, "secret-token")).isTrue();
    }

    @Test
    void seededAgencyAbsentFromTheAxisIsNotDeleted() {
        directory.upsert(new Agency("000.00.01.H53", "Văn phòng", Channel.LOCAL, null, "REJECT_UNSIGNED", null, "SEED"),
                Tokens.sha256Hex("t"));

        SyncReport report = synchronizer.synchronise(national(10));

        assertThat(report.deleted()).isZero();
        assertThat(directory.find("000.00.01.H53")).isPresent();
    }

    @Test
    void nonConformingCodeIsKeptAndCounted() {
        List<AxisDirectoryEntry> entries = new ArrayList<>(national(10));
        entries.add(new AxisDirectoryEntry("100", "0", "00.53.W00", "Trung tâm tích hợp dữ liệu", null));
        entries.add(new AxisDirectoryEntry("101", "0", "999.010.01.H22", "Đơn vị mã cũ", null));

        SyncReport report = synchronizer.synchronise(entries);

        assertThat(report.nonConformingCodes()).isEqualTo(2);
        assertThat(report.nonConformingSample()).containsExactly("00.53.W00", "999.010.01.H22");
        assertThat(report.inserted()).isEqualTo(12);
        assertThat(directory.find("999.010.01.H22")).isPresent();
        assertThat(directory.find("00.53.W00")).isPresent();
    }

    @Test
    void blankAndRepeatedCodesAreSkippedNotFatal() {
        List<AxisDirectoryEntry> entries = new ArrayList<>(national(5));
        entries.add(new AxisDirectoryEntry("50", "0", " ", "Không mã", null));
        entries.add(new AxisDirectoryEntry("51", "0", code(0), "Trùng mã", null));

        SyncReport report = synchronizer.synchronise(entries);

        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.inserted()).isEqualTo(5);
        assertThat(directory.find(code(0))).get().extracting(Agency::name).isEqualTo("Sở Nội vụ số 0");
    }

    @Test
    void emptyAxisListIsRefusedAndTheDirectoryKept() {
        synchronizer.synchronise(national(10));

        assertThatThrownBy(() -> synchronizer.synchronise(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThat(directory.count()).isEqualTo(10);
    }
}
