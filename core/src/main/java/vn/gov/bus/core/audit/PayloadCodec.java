package vn.gov.bus.core.audit;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Payload compression: zlib (RFC 1950) at the fastest level, because the writer compresses on the
 * message path's behalf and packages are mostly base64 (which compresses by about a quarter at
 * any level). A payload that would not shrink is stored as it is.
 */
final class PayloadCodec {

    static final String NONE = "NONE";
    static final String DEFLATE = "DEFLATE";

    record Encoded(String compression, byte[] content) {
    }

    private PayloadCodec() {
    }

    static Encoded encode(byte[] payload) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(payload);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, payload.length / 2));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
                if (out.size() >= payload.length) {
                    return new Encoded(NONE, payload);
                }
            }
            return new Encoded(DEFLATE, out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    static byte[] decode(String compression, byte[] content, long size) {
        if (NONE.equals(compression)) {
            return content;
        }
        if (!DEFLATE.equals(compression)) {
            throw new IllegalStateException("unknown payload compression " + compression);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(content);
            byte[] out = new byte[Math.toIntExact(size)];
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != out.length) {
                throw new IllegalStateException("stored payload inflates to " + n + " bytes, " + size + " recorded");
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored payload is not valid zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
