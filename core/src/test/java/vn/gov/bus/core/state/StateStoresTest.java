package vn.gov.bus.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.core.state.DeliveryLedger.Claim;

/** The state stores on the real migrations (H2 in PostgreSQL mode, as the bus runs embedded). */
class StateStoresTest {

    JdbcTemplate jdbc;
    DeliveryLedger ledger;
    PendingBox box;
    AgencyDirectory directory;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = new JdbcTemplate(ds);
        ledger = new DeliveryLedger(jdbc);
        box = new PendingBox(jdbc);
        directory = new AgencyDirectory(jdbc);
    }

    DeliveryKey key() {
        DeliveryKey key = new DeliveryKey("000.00.01.H53", "doc-1", "000.00.00.G22");
        ledger.register(key, "doc-1", "EDOC", Channel.AXIS, "m-1");
        return key;
    }

    @Test
    void registeringTheSameDeliveryTwiceKeepsTheFirst() {
        DeliveryKey key = key();
        assertThat(ledger.register(key, "doc-1", "EDOC", Channel.AXIS, "m-2")).isFalse();
        assertThat(ledger.forDocument("000.00.01.H53", "doc-1")).singleElement()
                .satisfies(r -> assertThat(r.messageId()).isEqualTo("m-1"));
    }

    @Test
    void firstClaimIsFreshAndASecondConcurrentClaimIsBusy() {
        DeliveryKey key = key();
        assertThat(ledger.claim(key, Duration.ofMinutes(2))).isEqualTo(Claim.FRESH);
        assertThat(ledger.claim(key, Duration.ofMinutes(2))).isEqualTo(Claim.BUSY);
    }

    @Test
    void claimLeftSendingLongerThanTheInFlightTimeoutIsTakenOverAsInterrupted() {
        DeliveryKey key = key();
        ledger.claim(key, Duration.ofMinutes(2));
        jdbc.update("UPDATE delivery SET updated_at = updated_at - INTERVAL '10' MINUTE");
        assertThat(ledger.claim(key, Duration.ofMinutes(2))).isEqualTo(Claim.AFTER_INTERRUPTION);
        assertThat(ledger.claim(key, Duration.ofMinutes(2))).isEqualTo(Claim.BUSY);
    }

    @Test
    void transientFailureMakesTheOutcomeUncertainSoTheNextClaimMustReconcile() {
        DeliveryKey key = key();
        ledger.claim(key, Duration.ofMinutes(2));
        ledger.recordFailure(key, "timeout", false);
        assertThat(ledger.state(key)).contains(DeliveryState.UNCERTAIN);
        assertThat(ledger.claim(key, Duration.ofMinutes(2))).isEqualTo(Claim.AFTER_INTERRUPTION);
    }

    @Test
    void deliveredIsNeverClaimedAgainNorDowngradedByALateFailure() {
        DeliveryKey key = key();
        ledger.claim(key, Duration.ofMinutes(2));
        ledger.markDelivered(key, "axis-1");
        ledger.recordFailure(key, "late", true);
        assertThat(ledger.claim(key, Duration.ofMinutes(2))).isEqualTo(Claim.DELIVERED);
        assertThat(ledger.forDocument("000.00.01.H53", "doc-1").get(0).remoteId()).isEqualTo("axis-1");
    }

    @Test
    void pendingBoxTakesAPackageOnceShowsItOnlyToItsOwnerAndConfirmsItOnce() {
        byte[] pkg = "<edXML/>".getBytes();
        var first = box.deposit("000.00.05.H53", "000.00.01.H53", "doc-1", "doc-1", "EDOC", "m-1", pkg);
        var again = box.deposit("000.00.05.H53", "000.00.01.H53", "doc-1", "doc-1", "EDOC", "m-1", pkg);
        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(box.pending("000.00.05.H53")).singleElement()
                .satisfies(e -> assertThat(e.documentId()).isEqualTo("doc-1"));
        assertThat(box.fetch("000.00.09.H53", first.get())).isEmpty();
        assertThat(box.fetch("000.00.05.H53", first.get())).get()
                .satisfies(s -> assertThat(s.pkg()).isEqualTo(pkg));
        assertThat(box.confirm("000.00.09.H53", first.get())).isEqualTo(PendingBox.Confirmation.NOT_FOUND);
        assertThat(box.confirm("000.00.05.H53", first.get())).isEqualTo(PendingBox.Confirmation.CONFIRMED);
        assertThat(box.confirm("000.00.05.H53", first.get())).isEqualTo(PendingBox.Confirmation.ALREADY_CONFIRMED);
        assertThat(box.pending("000.00.05.H53")).isEmpty();
    }

    @Test
    void undeliveredDocumentIsWithdrawnOnceAndThenNeitherListedNorConfirmable() {
        byte[] pkg = "<edXML/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String id = box.deposit("000.00.05.H53", "000.00.00.G22", "doc-1", "doc-1", "EDOC", "m-1", pkg).orElseThrow();

        assertThat(box.withdraw("000.00.05.H53", "000.00.00.G22", "doc-1", "issued by mistake"))
                .isEqualTo(PendingBox.Withdrawal.WITHDRAWN);
        assertThat(box.withdraw("000.00.05.H53", "000.00.00.G22", "doc-1", "again"))
                .isEqualTo(PendingBox.Withdrawal.ALREADY_WITHDRAWN);
        assertThat(box.pending("000.00.05.H53")).isEmpty();
        assertThat(box.confirm("000.00.05.H53", id)).isEqualTo(PendingBox.Confirmation.WITHDRAWN);
        assertThat(box.fetch("000.00.05.H53", id).orElseThrow().withdrawn()).isTrue();
        assertThat(box.document("000.00.05.H53", "000.00.00.G22", "doc-1")).contains(pkg);
        assertThat(box.recipientsOf("000.00.00.G22", "doc-1")).containsExactly("000.00.05.H53");
    }

    @Test
    void confirmedDocumentCannotBeWithdrawnAndAnUnknownOneIsReportedAsNotInTheBox() {
        byte[] pkg = "<edXML/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String id = box.deposit("000.00.05.H53", "000.00.00.G22", "doc-1", "doc-1", "EDOC", "m-1", pkg).orElseThrow();
        // a revocation repeating the DocumentId is another entry: withdrawing targets the document itself
        box.deposit("000.00.09.H53", "000.00.00.G22", "doc-1", "doc-1#revoke", "EDOC", "m-2", pkg);
        assertThat(box.confirm("000.00.05.H53", id)).isEqualTo(PendingBox.Confirmation.CONFIRMED);

        assertThat(box.withdraw("000.00.05.H53", "000.00.00.G22", "doc-1", "too late"))
                .isEqualTo(PendingBox.Withdrawal.ALREADY_CONFIRMED);
        assertThat(box.withdraw("000.00.09.H53", "000.00.00.G22", "doc-1", "never had it"))
                .isEqualTo(PendingBox.Withdrawal.NOT_IN_BOX);
        assertThat(box.recipientsOf("000.00.00.G22", "doc-1")).containsExactly("000.00.05.H53");
    }

    @Test
    void forcedReplayOffersAConfirmedEntryAgainButNeverAWithdrawnOne() {
        byte[] pkg = "<edXML/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String confirmed = box.deposit("000.00.05.H53", "000.00.00.G22", "doc-1", "doc-1", "EDOC", "m-1", pkg)
                .orElseThrow();
        box.confirm("000.00.05.H53", confirmed);
        assertThat(box.redeposit("000.00.05.H53", "000.00.00.G22", "doc-1", "doc-1", "EDOC", "m-2", pkg))
                .contains(confirmed);
        assertThat(box.pending("000.00.05.H53")).extracting(PendingBox.Entry::id).containsExactly(confirmed);

        String withdrawn = box.deposit("000.00.09.H53", "000.00.00.G22", "doc-2", "doc-2", "EDOC", "m-3", pkg)
                .orElseThrow();
        box.withdraw("000.00.09.H53", "000.00.00.G22", "doc-2", "issued by mistake");
        assertThat(box.redeposit("000.00.09.H53", "000.00.00.G22", "doc-2", "doc-2", "EDOC", "m-4", pkg)).isEmpty();
        assertThat(box.pending("000.00.09.H53")).isEmpty();
        assertThat(box.fetch("000.00.09.H53", withdrawn).orElseThrow().withdrawn()).isTrue();

        assertThat(box.redeposit("000.00.09.H53", "000.00.00.G22", "doc-3", "doc-3", "EDOC", "m-5", pkg)).isPresent();
    }

    @Test
    void onlyALocalAgencyWithTheRightTokenAuthenticates() {
        directory.upsert(new Agency("000.00.01.H53", "Văn phòng", Channel.LOCAL, null, "REJECT_UNSIGNED", null, "SEED"),
                Tokens.sha256Hex("s3cret"));
        directory.upsert(new Agency("000.00.00.G22", "VPCP", Channel.AXIS, null, "REJECT_UNSIGNED", null, "SEED"),
                Tokens.sha256Hex("s3cret"));
        assertThat(directory.authenticate("000.00.01.H53", "s3cret")).isTrue();
        assertThat(directory.authenticate("000.00.01.H53", "wrong")).isFalse();
        assertThat(directory.authenticate("000.00.00.G22", "s3cret")).isFalse();
        assertThat(directory.authenticate("000.00.99.H53", "s3cret")).isFalse();
        assertThat(directory.authenticate("000.00.01.H53", null)).isFalse();
    }
}
