package vn.gov.bus.app.simulators;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import vn.gov.bus.app.config.DirectorySeed;
import vn.gov.bus.app.config.DirectorySeeder.SeededDirectory;
import vn.gov.bus.app.config.MailProperties;
import vn.gov.bus.app.config.MailSimulatorProperties;
import vn.gov.bus.connectors.mail.ImapMailbox;
import vn.gov.bus.connectors.mail.MailParser;
import vn.gov.bus.connectors.mail.MailServerSettings;
import vn.gov.bus.connectors.mail.ReceivedMail;
import vn.gov.bus.connectors.qlvb.LocalDocumentSystemSimulator;
import vn.gov.bus.core.edxml.SamplePackages;
import vn.gov.bus.core.state.Channel;

/**
 * Demo traffic of the mail bridge: a commune with no document system (a MAIL agency of the seed
 * whose mailbox the mail simulator holds) mails a report with a PDF to the bus's address with an
 * ordinary mail client, a local agency's system sends that commune a document over SOAP, and the
 * commune's clerk reads the mails the bus sent (IMAP), each checked for its S/MIME signature.
 */
public class MailDemoTraffic {

    private static final Logger log = LoggerFactory.getLogger(MailDemoTraffic.class);

    private final Optional<DirectorySeed.Entry> commune;
    private final Optional<DirectorySeed.Entry> local;
    private final Optional<String> communePassword;
    private final MailProperties mail;
    private final MailSimulatorProperties simulator;
    private final String cxfPath;
    private final AtomicReference<URI> hubUrl = new AtomicReference<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final MailParser parser = new MailParser(new MailParser.Limits(50_000_000, 20, 500));

    public MailDemoTraffic(SeededDirectory seed, MailProperties mail, MailSimulatorProperties simulator,
                           String cxfPath) {
        this.mail = mail;
        this.simulator = simulator;
        this.cxfPath = cxfPath;
        List<MailSimulatorProperties.Mailbox> boxes = simulator.mailboxes();
        this.commune = seed.entries().stream().filter(e -> e.agency().channel() == Channel.MAIL)
                .filter(e -> boxes.stream().anyMatch(b -> b.address().equalsIgnoreCase(e.agency().mail())))
                .findFirst();
        this.communePassword = commune.flatMap(c -> boxes.stream()
                .filter(b -> b.address().equalsIgnoreCase(c.agency().mail())).map(MailSimulatorProperties.Mailbox::password)
                .findFirst());
        this.local = seed.entries().stream()
                .filter(e -> e.agency().channel() == Channel.LOCAL && e.plainToken() != null).findFirst();
    }

    @EventListener
    public void onWebServer(WebServerInitializedEvent event) {
        hubUrl.set(URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + cxfPath + "/hub"));
    }

    /** The commune's clerk mails a report to the bus's official address. */
    public void communeSendsMail() throws MessagingException {
        if (commune.isEmpty()) {
            return;
        }
        int n = turn.incrementAndGet();
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(simulator.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(commune.get().agency().mail()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.address()));
        message.setSubject("Báo cáo tình hình tuần " + n + " của " + commune.get().agency().name(), "UTF-8");
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Kính gửi Văn phòng UBND tỉnh,\nxã xin gửi báo cáo tuần " + n + " đính kèm.", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(
                SamplePackages.samplePdf("Bao cao tuan " + n), "application/pdf")));
        pdf.setFileName("Báo cáo tuần " + n + ".pdf");
        pdf.setHeader("Content-Transfer-Encoding", "base64");
        mixed.addBodyPart(pdf);
        message.setContent(mixed);
        message.saveChanges();
        Transport.send(message);
        log.info("demo: {} mailed a report to {}", commune.get().agency().mail(), mail.address());
    }

    /** A local agency's document system sends the commune a document (it leaves as a signed mail). */
    public void localSystemSendsToCommune() {
        URI hub = hubUrl.get();
        if (hub == null || commune.isEmpty() || local.isEmpty()) {
            return;
        }
        byte[] pkg = SamplePackages.edoc()
                .from(local.get().agency().organId(), local.get().agency().name())
                .to(commune.get().agency().organId(), commune.get().agency().name())
                .subject("Về việc triển khai nhiệm vụ tháng tới")
                .dueDate(java.time.LocalDate.now().plusDays(10))
                .build();
        try (LocalDocumentSystemSimulator system = new LocalDocumentSystemSimulator(hub,
                local.get().agency().organId(), local.get().plainToken())) {
            var receipt = system.send(pkg);
            log.info("demo: {} sent document {} to {} (by mail)", local.get().agency().organId(),
                    receipt.documentId(), commune.get().agency().organId());
        }
    }

    /** The commune's clerk reads the mailbox: each mail of the bus, with its S/MIME check. */
    public void communeReadsMail() {
        if (commune.isEmpty() || communePassword.isEmpty()) {
            return;
        }
        MailServerSettings settings = new MailServerSettings("127.0.0.1", simulator.imapPort(),
                MailServerSettings.Security.NONE, commune.get().agency().mail(), communePassword.get(),
                Duration.ofSeconds(5), Duration.ofSeconds(30), false);
        new ImapMailbox(settings, "INBOX", "Đã đọc").poll(20, fetched -> {
            ReceivedMail received = parser.parse(fetched.raw());
            log.info("demo: {} received mail \"{}\" with {} file(s); S/MIME: {}", commune.get().agency().mail(),
                    received.subject(), received.documents().size(), received.smime().reason());
            return ImapMailbox.Disposition.SETTLED;
        });
    }
}
