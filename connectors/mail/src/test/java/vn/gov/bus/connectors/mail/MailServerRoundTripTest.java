package vn.gov.bus.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.mail.simulator.MailServerSimulator;

/** The sender and the mailbox against the mail server simulator over real SMTP and IMAP. */
class MailServerRoundTripTest {

    static final String BUS = "congvan@tayninh.gov.vn";
    static final String PASSWORD = "secret";

    final int smtpPort = freePort();
    final int imapPort = freePort();
    MailServerSimulator server;
    SmtpMailSender sender;
    ImapMailbox mailbox;
    final MailComposer composer = new MailComposer(new TestKeys().signer());

    @BeforeEach
    void start() {
        server = new MailServerSimulator("127.0.0.1", smtpPort, imapPort, Map.of(BUS, PASSWORD));
        server.start();
        sender = new SmtpMailSender(settings(smtpPort, null, null));
        mailbox = new ImapMailbox(settings(imapPort, BUS, PASSWORD), "INBOX", "Processed");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aMailKeptByTheHandlerStaysInTheInboxAndASettledOneIsMovedToTheProcessedFolder() {
        sender.send(composer.compose(mail("m-1@bus")));
        sender.send(composer.compose(mail("m-2@bus")));
        assertThat(mailbox.waiting()).isEqualTo(2);

        List<String> seen = new ArrayList<>();
        int moved = mailbox.poll(10, fetched -> {
            seen.add(fetched.messageId());
            return "m-1@bus".equals(fetched.messageId()) ? ImapMailbox.Disposition.SETTLED : ImapMailbox.Disposition.KEEP;
        });
        assertThat(seen).containsExactly("m-1@bus", "m-2@bus");
        assertThat(moved).isEqualTo(1);
        assertThat(mailbox.waiting()).isEqualTo(1);
        assertThat(mailbox.processed()).isEqualTo(1);

        List<String> second = new ArrayList<>();
        mailbox.poll(10, fetched -> {
            second.add(fetched.messageId());
            // what the poller reads: the size before downloading, then the whole mail
            assertThat(fetched.size()).isPositive();
            assertThat(new MailParser(new MailParser.Limits(1_000_000, 10, 100)).parse(fetched.raw()).smime().outcome())
                    .isEqualTo(SmimeCheck.Outcome.INTACT);
            return ImapMailbox.Disposition.SETTLED;
        });
        assertThat(second).containsExactly("m-2@bus");
        assertThat(mailbox.waiting()).isZero();
        assertThat(mailbox.processed()).isEqualTo(2);
    }

    @Test
    void aReconfiguredSenderAndMailboxUseTheOtherServerFromTheNextMailOnAndTheFirstOneNoMore() {
        int otherSmtp = freePort();
        int otherImap = freePort();
        MailServerSimulator other = new MailServerSimulator("127.0.0.1", otherSmtp, otherImap,
                Map.of(BUS, "other-secret"));
        other.start();
        try {
            sender.reconfigure(sender.settings().withServer("127.0.0.1", otherSmtp, MailServerSettings.Security.NONE,
                    BUS).withPassword("other-secret"));
            mailbox.reconfigure(mailbox.settings().withServer("127.0.0.1", otherImap, MailServerSettings.Security.NONE,
                    BUS).withPassword("other-secret"));
            sender.send(composer.compose(mail("m-4@bus")));

            assertThat(other.mailsFor(BUS)).hasSize(1);
            assertThat(server.mailsFor(BUS)).isEmpty();
            List<String> seen = new ArrayList<>();
            mailbox.poll(10, fetched -> {
                seen.add(fetched.messageId());
                return ImapMailbox.Disposition.SETTLED;
            });
            assertThat(seen).containsExactly("m-4@bus");
            assertThat(mailbox.processed()).isEqualTo(1);
        } finally {
            other.stop();
        }
    }

    @Test
    void aMailboxReconfiguredWithAWrongPasswordFailsTransientlyAndNamesNoPassword() {
        mailbox.reconfigure(mailbox.settings().withPassword("wrong-password"));
        assertThatThrownBy(() -> mailbox.poll(10, fetched -> ImapMailbox.Disposition.SETTLED))
                .isInstanceOf(MailTransientException.class)
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void anUnreachableSmtpServerIsATransientFailure() {
        server.stop();
        assertThatThrownBy(() -> sender.send(composer.compose(mail("m-3@bus"))))
                .isInstanceOf(MailTransientException.class)
                .hasMessageContaining("cannot send through the SMTP server 127.0.0.1:" + smtpPort);
        assertThatThrownBy(() -> mailbox.waiting()).isInstanceOf(MailTransientException.class);
        server.start();
    }

    static OfficialMail mail(String id) {
        return new OfficialMail(id, "vanthu@tanbinh.tayninh.gov.vn", "Xã Tân Bình", BUS, "Văn phòng", "[1/X] Thử",
                "Nội dung", Instant.now(), List.of(MailAttachment.of("a.pdf", "application/pdf", new byte[] {1, 2})),
                Map.of());
    }

    static MailServerSettings settings(int port, String user, String password) {
        return new MailServerSettings("127.0.0.1", port, MailServerSettings.Security.NONE, user, password,
                Duration.ofSeconds(5), Duration.ofSeconds(10), false);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
