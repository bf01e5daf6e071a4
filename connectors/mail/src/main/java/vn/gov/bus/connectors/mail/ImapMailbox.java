package vn.gov.bus.connectors.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Enumeration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official mailbox over IMAP. A poll hands each mail of the inbox to the caller, which answers
 * whether it is settled; only a settled mail is moved to the processed folder (copied there, then
 * deleted from the inbox). The caller settles a mail only once its content is committed to the
 * durable queue (or quarantined), so a crash leaves the mail in the inbox to be offered again.
 * A crash between the copy and the delete leaves it in both folders: the inbox copy is offered
 * again and the caller recognises it by its Message-ID.
 * The server can be changed between polls ({@link #reconfigure}): a poll in progress finishes on the
 * server it started with, the next one reads the new server.
 */
public final class ImapMailbox {

    /** The caller's decision about one mail. */
    public enum Disposition {
        /** Committed (queued or quarantined): move it to the processed folder. */
        SETTLED,
        /** Not settled this time (e.g. the broker is down): leave it in the inbox for the next poll. */
        KEEP
    }

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

    private final String inbox;
    private final String processedFolder;
    private volatile MailSession current;

    public ImapMailbox(MailServerSettings settings, String inbox, String processedFolder) {
        this.inbox = inbox;
        this.processedFolder = processedFolder;
        this.current = MailSession.imap(settings);
    }

    /** The settings in force. */
    public MailServerSettings settings() {
        return current.settings();
    }

    /** Puts other settings in force for the next poll; the session is built first, so a failure changes nothing. */
    public void reconfigure(MailServerSettings settings) {
        current = MailSession.imap(settings);
    }

    /**
     * Offers up to {@code max} mails of the inbox, oldest first, to {@code handler}.
     *
     * @return how many mails were settled and moved
     * @throws MailTransientException when the mailbox cannot be opened
     */
    public int poll(int max, Function<FetchedMail, Disposition> handler) {
        MailSession in = current;
        MailServerSettings settings = in.settings();
        try (Store store = in.session().getStore(settings.protocol("imap"))) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(inbox);
            folder.open(Folder.READ_WRITE);
            try {
                Folder processed = processedFolder(store);
                int settled = 0;
                Message[] messages = folder.getMessages();
                for (int i = 0; i < messages.length && i < max; i++) {
                    Message message = messages[i];
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    Disposition disposition = handler.apply(new ImapFetchedMail((MimeMessage) message));
                    if (disposition == Disposition.SETTLED) {
                        folder.copyMessages(new Message[] {message}, processed);
                        message.setFlag(Flags.Flag.DELETED, true);
                        settled++;
                    }
                }
                return settled;
            } finally {
                // expunge: the settled mails leave the inbox
                folder.close(true);
            }
        } catch (MessagingException e) {
            throw new MailTransientException("cannot read the mailbox " + settings + " (" + inbox + "): "
                    + e.getMessage(), e);
        }
    }

    private Folder processedFolder(Store store) throws MessagingException {
        Folder processed = store.getFolder(processedFolder);
        if (!processed.exists()) {
            log.info("mailbox: creating the folder {} for processed mails", processedFolder);
            processed.create(Folder.HOLDS_MESSAGES);
        }
        return processed;
    }

    /** How many mails wait in the inbox (for operators and tests). */
    public int waiting() {
        return count(inbox);
    }

    /** How many mails are in the processed folder. */
    public int processed() {
        return count(processedFolder);
    }

    private int count(String name) {
        MailSession in = current;
        MailServerSettings settings = in.settings();
        try (Store store = in.session().getStore(settings.protocol("imap"))) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            try {
                int n = 0;
                for (Message m : folder.getMessages()) {
                    if (!m.isSet(Flags.Flag.DELETED)) {
                        n++;
                    }
                }
                return n;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new MailTransientException("cannot read the mailbox folder " + name + ": " + e.getMessage(), e);
        }
    }

    private static final class ImapFetchedMail implements FetchedMail {
        private final MimeMessage message;

        ImapFetchedMail(MimeMessage message) {
            this.message = message;
        }

        @Override
        public String messageId() {
            try {
                return MailParser.bareMessageId(message.getMessageID());
            } catch (MessagingException e) {
                throw new MailTransientException("cannot read the Message-ID: " + e.getMessage(), e);
            }
        }

        @Override
        public String from() {
            try {
                String[] from = message.getHeader("From");
                return from == null || from.length == 0 ? null : from[0];
            } catch (MessagingException e) {
                throw new MailTransientException("cannot read From: " + e.getMessage(), e);
            }
        }

        @Override
        public String subject() {
            try {
                String[] raw = message.getHeader("Subject");
                return raw == null || raw.length == 0 ? null : MimeUtility.decodeText(MimeUtility.unfold(raw[0]));
            } catch (MessagingException | java.io.UnsupportedEncodingException e) {
                return null;
            }
        }

        @Override
        public Instant receivedAt() {
            try {
                return message.getReceivedDate() == null ? Instant.now() : message.getReceivedDate().toInstant();
            } catch (MessagingException e) {
                throw new MailTransientException("cannot read the received date: " + e.getMessage(), e);
            }
        }

        @Override
        public long size() {
            try {
                return message.getSize();
            } catch (MessagingException e) {
                throw new MailTransientException("cannot read the size: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] headers() {
            try {
                StringBuilder text = new StringBuilder();
                for (Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements(); ) {
                    text.append(lines.nextElement()).append("\r\n");
                }
                return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            } catch (MessagingException e) {
                throw new MailTransientException("cannot read the headers: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] raw() {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
                message.writeTo(out);
                return out.toByteArray();
            } catch (MessagingException e) {
                throw new MailTransientException("cannot download the mail: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
