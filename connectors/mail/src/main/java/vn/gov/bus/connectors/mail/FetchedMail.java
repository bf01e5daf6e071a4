package vn.gov.bus.connectors.mail;

import java.time.Instant;

/**
 * One mail found in the mailbox, before the bus decides about it. The content is read only on
 * request ({@link #raw()}), so a mail over the size limit is judged on its announced size and
 * headers without being downloaded.
 */
public interface FetchedMail {

    /** The Message-ID header as sent (angle brackets removed), or null when the mail has none. */
    String messageId();

    /** The From header as sent, or null. */
    String from();

    /** The Subject, decoded (RFC 2047), or null. */
    String subject();

    /** When the server received it (IMAP INTERNALDATE). */
    Instant receivedAt();

    /** Size in bytes as the server reports it (RFC822.SIZE). */
    long size();

    /** The header block as received: kept in the quarantine when the whole mail is not. */
    byte[] headers();

    /** The whole mail as received (RFC 5322 bytes). */
    byte[] raw();
}
