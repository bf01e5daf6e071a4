package vn.gov.bus.app.admin;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The first bytes of a payload as text for an operator's screen: decoded as UTF-8 without ever
 * splitting a multi-byte character (an edXML package is full of Vietnamese diacritics) and with
 * undecodable bytes (a binary attachment) shown as U+FFFD, never as an exception.
 */
final class PayloadPreview {

    private PayloadPreview() {
    }

    /** @param bytes the first bytes of the payload, possibly cut in the middle of a character */
    static String of(byte[] bytes, int length, boolean cut) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int end = length;
        if (cut) {
            // drop a trailing incomplete sequence: back up over continuation bytes to its lead byte
            int i = end - 1;
            int continuation = 0;
            while (i >= 0 && (bytes[i] & 0xC0) == 0x80 && continuation < 3) {
                i--;
                continuation++;
            }
            if (i >= 0) {
                int lead = bytes[i] & 0xFF;
                int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
                if (needed > continuation) {
                    end = i;
                }
            }
        }
        CharBuffer chars = CharBuffer.allocate(end + 1);
        decoder.decode(ByteBuffer.wrap(bytes, 0, end), chars, true);
        decoder.flush(chars);
        chars.flip();
        return chars.toString();
    }
}
