package vn.gov.bus.app.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded mail server (GreenMail) started with the other simulators. Besides the bus's own
 * mailbox (bus.mail.imap.username / password) it creates {@code mailboxes}: the demo units'.
 */
@ConfigurationProperties("bus.simulators.mail")
public record MailSimulatorProperties(@DefaultValue("18625") int smtpPort,
                                      @DefaultValue("18143") int imapPort,
                                      List<Mailbox> mailboxes) {

    public record Mailbox(String address, String password) {
    }

    public MailSimulatorProperties {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    }
}
