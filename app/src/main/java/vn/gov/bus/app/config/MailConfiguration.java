package vn.gov.bus.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.app.admin.MailServerTuning;
import vn.gov.bus.connectors.mail.ImapMailbox;
import vn.gov.bus.connectors.mail.MailComposer;
import vn.gov.bus.connectors.mail.MailParser;
import vn.gov.bus.connectors.mail.SmimeSigner;
import vn.gov.bus.connectors.mail.SmtpMailSender;
import vn.gov.bus.core.state.MailReceipts;
import vn.gov.bus.core.state.QuarantineReview;
import vn.gov.bus.routes.mail.MailChannelSettings;

/** The mail connector (SMTP, IMAP, S/MIME with the organisation's key), configured from bus.mail.*. */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailChannelSettings mailChannelSettings(MailProperties mail) {
        return new MailChannelSettings(mail.address(), mail.name(), mail.messageIdDomain(),
                mail.incoming().defaultRecipients(), mail.failureStatusCode(), mail.inFlightTimeout(),
                mail.messageIdSecret());
    }

    /** Mails are signed with the same organisation key and chain as packages. */
    @Bean
    MailComposer mailComposer(PackageConfiguration.Pki pki) {
        return new MailComposer(new SmimeSigner(pki.key().privateKey(), pki.key().chain()));
    }

    @Bean
    SmtpMailSender smtpMailSender(MailProperties mail) {
        log.info("Mail out: SMTP {} as {}", mail.smtp().settings(), mail.address());
        return new SmtpMailSender(mail.smtp().settings());
    }

    @Bean
    ImapMailbox imapMailbox(MailProperties mail) {
        log.info("Mail in: IMAP {} folder {} (processed mails moved to {}), poller {}", mail.imap().settings(),
                mail.incoming().folder(), mail.incoming().processedFolder(),
                mail.incoming().enabled() ? "on, every " + mail.incoming().pollInterval() : "off");
        return new ImapMailbox(mail.imap().settings(), mail.incoming().folder(), mail.incoming().processedFolder());
    }

    /** The SMTP server and its password are settings of deliver-mail (admin API). */
    @Bean
    MailServerTuning smtpServerTuning(SmtpMailSender sender, MailProperties mail) {
        return MailServerTuning.smtp(sender, mail.smtp().settings());
    }

    /** The IMAP mailbox and its password are settings of mail-incoming-poll (admin API). */
    @Bean
    MailServerTuning imapServerTuning(ImapMailbox mailbox, MailProperties mail) {
        return MailServerTuning.imap(mailbox, mail.imap().settings());
    }

    @Bean
    MailParser mailParser(MailProperties mail) {
        MailProperties.Incoming in = mail.incoming();
        return new MailParser(new MailParser.Limits(in.maxSize().toBytes(), in.maxDepth(), in.maxParts()));
    }

    @Bean
    MailReceipts mailReceipts(JdbcTemplate jdbc) {
        return new MailReceipts(jdbc);
    }

    @Bean
    QuarantineReview quarantineReview(JdbcTemplate jdbc) {
        return new QuarantineReview(jdbc);
    }
}
