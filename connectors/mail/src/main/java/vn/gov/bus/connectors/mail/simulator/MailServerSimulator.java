package vn.gov.bus.connectors.mail.simulator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official mail server for the embedded demo and the tests: GreenMail, a real SMTP and IMAP
 * server on its own ports. Mail to any address is accepted and kept in that address's mailbox, so
 * the bus's SMTP deliveries land in the mailboxes of the demo units, and what is sent to the bus's
 * address waits in the mailbox its IMAP poller reads.
 */
public final class MailServerSimulator {

    private static final Logger log = LoggerFactory.getLogger(MailServerSimulator.class);

    private final String host;
    private final int smtpPort;
    private final int imapPort;
    private final Map<String, String> users;
    private GreenMail greenMail;

    /**
     * @param users address → password of the mailboxes to create (login = the address)
     */
    public MailServerSimulator(String host, int smtpPort, int imapPort, Map<String, String> users) {
        this.host = host;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.users = Map.copyOf(users);
    }

    public synchronized void start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        users.forEach((address, password) -> greenMail.setUser(address, address, password));
        log.info("Mail server simulator: SMTP {}:{}, IMAP {}:{}, mailboxes {}", host, smtpPort, host, imapPort,
                users.keySet());
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Creates (or keeps) a mailbox; login is the address. */
    public void addUser(String address, String password) {
        greenMail.setUser(address, address, password);
    }

    /** Every mail the server received by SMTP for {@code address} so far. */
    public List<MimeMessage> mailsFor(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> isFor(m, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            var recipients = message.getAllRecipients();
            if (recipients == null) {
                return false;
            }
            return Arrays.stream(recipients).anyMatch(a -> a.toString().toLowerCase(Locale.ROOT)
                    .contains(address.toLowerCase(Locale.ROOT)));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
