package vn.gov.bus.connectors.mail;

import java.util.Objects;

/**
 * One file carried by a mail, decoded: its real name (RFC 2231 / RFC 2047 decoded on input,
 * RFC 2231 encoded on output) and its bytes.
 *
 * @param inline true for a part shown inside the body (an image of a letterhead or a signature
 *               logo referenced by Content-ID): not a document the sender meant to send
 */
public record MailAttachment(String name, String contentType, byte[] data, boolean inline) {

    public MailAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
    }

    public static MailAttachment of(String name, String contentType, byte[] data) {
        return new MailAttachment(name, contentType, data, false);
    }
}
