package vn.gov.bus.connectors.mail;

import jakarta.mail.Session;

/**
 * Settings and the Jakarta Mail session built from them, swapped as one value so that a send or a
 * poll never mixes the host of one configuration with the session of another.
 */
record MailSession(MailServerSettings settings, Session session) {

    static MailSession smtp(MailServerSettings settings) {
        return new MailSession(settings, Session.getInstance(settings.sessionProperties("smtp")));
    }

    static MailSession imap(MailServerSettings settings) {
        return new MailSession(settings, Session.getInstance(settings.sessionProperties("imap")));
    }
}
