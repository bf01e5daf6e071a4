package vn.gov.bus.connectors.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Submits mails to the configured SMTP server, one connection per mail (the delivery route's
 * concurrency bounds the connections). Tells a permanent refusal (5xx) from a temporary one
 * (4xx, connection trouble), because the first must not be retried and the second must.
 * The server can be changed while mails are sent ({@link #reconfigure}): a mail being sent finishes
 * on the server it started with, the next one goes to the new server.
 */
public final class SmtpMailSender {

    private volatile MailSession current;

    public SmtpMailSender(MailServerSettings settings) {
        this.current = MailSession.smtp(settings);
    }

    /** The settings in force. */
    public MailServerSettings settings() {
        return current.settings();
    }

    /** Puts other settings in force for the next mail; the session is built first, so a failure changes nothing. */
    public void reconfigure(MailServerSettings settings) {
        current = MailSession.smtp(settings);
    }

    public void send(MimeMessage message) {
        MailSession in = current;
        MailServerSettings settings = in.settings();
        try (Transport transport = in.session().getTransport(settings.protocol("smtp"))) {
            if (settings.authenticated()) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            int code = replyCode(e);
            String what = "the SMTP server " + settings.host() + ":" + settings.port() + " refused the mail"
                    + (code > 0 ? " (" + code + ")" : "") + ": " + describe(e);
            if (code >= 500 && code < 600) {
                throw new MailRejectedException(what, e);
            }
            throw new MailTransientException(what, e);
        } catch (MessagingException e) {
            throw new MailTransientException("cannot send through the SMTP server " + settings.host() + ":"
                    + settings.port() + ": " + describe(e), e);
        }
    }

    /** The SMTP reply code of the first failure in the chain, or -1. */
    private static int replyCode(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return -1;
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Exception next = e instanceof MessagingException m ? m.getNextException() : null;
        while (next != null) {
            text.append("; ").append(String.valueOf(next.getMessage()).strip());
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return text.toString();
    }
}
