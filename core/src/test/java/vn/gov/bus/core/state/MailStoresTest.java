package vn.gov.bus.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mail receipts, quarantine decisions and the directory's mail lookup on the real migrations. */
class MailStoresTest {

    MailReceipts receipts;
    Quarantine quarantine;
    QuarantineReview review;
    AgencyDirectory directory;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        receipts = new MailReceipts(jdbc);
        quarantine = new Quarantine(jdbc);
        review = new QuarantineReview(jdbc);
        directory = new AgencyDirectory(jdbc);
    }

    @Test
    void aMailIsRecordedOncePerMessageIdAndTheFirstOutcomeStands() {
        String key = MailReceipts.keyOf("abc@x.vn", null);
        assertThat(receipts.record(key, "abc@x.vn", "a@x.vn", MailReceipts.Outcome.QUEUED, "m-1", null, null)).isTrue();
        assertThat(receipts.record(key, "abc@x.vn", "a@x.vn", MailReceipts.Outcome.QUARANTINED, null, "q", "x"))
                .isFalse();
        assertThat(receipts.find(key).orElseThrow().outcome()).isEqualTo(MailReceipts.Outcome.QUEUED);
        assertThat(MailReceipts.keyOf(null, "mail".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(MailReceipts.keyOf(null, "mail".getBytes(StandardCharsets.UTF_8))).hasSize(64);
    }

    @Test
    void aQuarantinedItemIsDecidedOnceAndListedAsUndecidedUntilThen() {
        String id = quarantine.put("MAIL", "k-1", null, null, "EDOC", "UNKNOWN_SENDER", "lạ", new byte[] {1});
        assertThat(review.list("MAIL", true, 10)).extracting(QuarantineReview.Item::id).containsExactly(id);
        assertThat(review.decide(id, QuarantineReview.Decision.ACCEPTED, "000.00.05.H53", "operator", null, "m-1"))
                .isTrue();
        assertThat(review.decide(id, QuarantineReview.Decision.REJECTED, null, "other", "no", null)).isFalse();
        QuarantineReview.Item item = review.find(id).orElseThrow();
        assertThat(item.decision()).isEqualTo(QuarantineReview.Decision.ACCEPTED);
        assertThat(item.decidedSenderId()).isEqualTo("000.00.05.H53");
        assertThat(review.list("MAIL", true, 10)).isEmpty();
        assertThat(review.content(id)).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
    }

    @Test
    void anAgencyIsFoundByItsMailAddressWhateverTheCase() {
        directory.upsert(new Agency("000.12.31.H53", "UBND xã Tân Bình", Channel.MAIL, "VanThu@TanBinh.TayNinh.gov.vn",
                "REJECT_UNSIGNED", null, "SEED"), null);
        assertThat(directory.findByMail("vanthu@tanbinh.tayninh.gov.vn")).map(Agency::organId)
                .contains("000.12.31.H53");
        assertThat(directory.findByMail("khac@tayninh.gov.vn")).isEmpty();
    }
}
