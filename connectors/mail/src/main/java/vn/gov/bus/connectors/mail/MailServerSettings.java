package vn.gov.bus.connectors.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach one mail service (the SMTP submission server or the IMAP mailbox).
 *
 * @param security   NONE (plain, for the embedded simulator only), STARTTLS (upgrade required:
 *                   the connection fails rather than falls back to plain text) or TLS (implicit
 *                   TLS, SMTPS on 465 / IMAPS on 993)
 * @param username   empty = no authentication
 * @param trustAll   accept any server certificate (test servers with self-signed certificates)
 */
public record MailServerSettings(String host, int port, Security security, String username, String password,
                                 Duration connectTimeout, Duration timeout, boolean trustAll) {

    public enum Security { NONE, STARTTLS, TLS }

    public MailServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The same server settings (timeouts, trust) with another address, security and user name. */
    public MailServerSettings withServer(String host, int port, Security security, String username) {
        return new MailServerSettings(host, port, security, username, password, connectTimeout, timeout, trustAll);
    }

    public MailServerSettings withPassword(String password) {
        return new MailServerSettings(host, port, security, username, password, connectTimeout, timeout, trustAll);
    }

    public boolean authenticated() {
        return username != null && !username.isBlank();
    }

    /** Jakarta Mail session properties for {@code protocol} ("smtp" or "imap"). */
    Properties sessionProperties(String protocol) {
        String p = security == Security.TLS ? protocol + "s" : protocol;
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp".equals(protocol) ? p : "smtp");
        props.setProperty("mail.store.protocol", "imap".equals(protocol) ? p : "imap");
        props.setProperty("mail." + p + ".host", host);
        props.setProperty("mail." + p + ".port", Integer.toString(port));
        props.setProperty("mail." + p + ".connectiontimeout", Long.toString(connectTimeout.toMillis()));
        props.setProperty("mail." + p + ".timeout", Long.toString(timeout.toMillis()));
        props.setProperty("mail." + p + ".writetimeout", Long.toString(timeout.toMillis()));
        props.setProperty("mail." + p + ".auth", Boolean.toString(authenticated()));
        // reading a mail must not mark it seen: clerks may watch the same mailbox
        props.setProperty("mail." + p + ".peek", "true");
        if (security == Security.STARTTLS) {
            props.setProperty("mail." + p + ".starttls.enable", "true");
            props.setProperty("mail." + p + ".starttls.required", "true");
        }
        if (security != Security.NONE) {
            props.setProperty("mail." + p + ".ssl.checkserveridentity", Boolean.toString(!trustAll));
            if (trustAll) {
                props.setProperty("mail." + p + ".ssl.trust", "*");
            }
        }
        return props;
    }

    String protocol(String base) {
        return security == Security.TLS ? base + "s" : base;
    }

    @Override
    public String toString() {
        // never the password
        return "MailServerSettings[" + host + ":" + port + ", " + security
                + (authenticated() ? ", user " + username : ", no authentication") + "]";
    }
}
