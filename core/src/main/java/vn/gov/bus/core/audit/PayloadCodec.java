package vn.gov.bus.core.audit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import vn.gov.bus.audit.verifier.Digests;

/**
 * How a payload's exact bytes are stored (docs/auditing.md, "How payloads are stored").
 *
 * <p>Packages are mostly base64 attachments inside a little XML. Base64 compresses by only about a
 * quarter and zlib on it was the audit log's largest CPU cost (about 7 ms per 294 KB package on the
 * bench machine, twice per document: received and signed). And the received and the signed package
 * of one document, or one attachment sent to fifty recipients in fifty packages, carry the same
 * attachment text. So every run of base64 text of at least {@link #MIN_SEGMENT} bytes is cut out as a
 * <em>segment</em>, stored once by its own SHA-256 and not compressed; what is left (the skeleton:
 * the XML around the attachments) is compressed and stored with the payload ({@link #SEGMENTS}).
 * A payload without such runs is compressed whole ({@link #DEFLATE}) when a sample shows it pays,
 * stored as it is otherwise ({@link #NONE}).
 */
final class PayloadCodec {

    static final String NONE = "NONE";
    static final String DEFLATE = "DEFLATE";
    static final String SEGMENTS = "SEGMENTS";

    /** Shorter runs stay in the skeleton: a segment row costs more than it saves below this. */
    static final int MIN_SEGMENT = 16 * 1024;
    /** Payloads above this size are compressed only when a sample of their middle shrinks enough. */
    private static final int SAMPLED_ABOVE = 64 * 1024;
    private static final int SAMPLE = 16 * 1024;
    private static final double WORTH_IT = 0.9;
    private static final boolean[] BASE64 = new boolean[256];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n".toCharArray()) {
            BASE64[c] = true;
        }
    }

    /** A run of base64 text at {@code offset} of the payload, stored once under its digest. */
    record Segment(long offset, String sha256, byte[] bytes) {
    }

    /** @param segments empty unless {@code compression} is {@link #SEGMENTS} */
    record Encoded(String compression, byte[] content, List<Segment> segments) {
        Encoded(String compression, byte[] content) {
            this(compression, content, List.of());
        }
    }

    private PayloadCodec() {
    }

    static Encoded encode(byte[] payload) {
        List<Segment> segments = segments(payload);
        if (segments.isEmpty()) {
            return payload.length > SAMPLED_ABOVE && !compressible(payload) ? new Encoded(NONE, payload)
                    : deflate(payload);
        }
        byte[] skeleton = new byte[payload.length - segments.stream().mapToInt(s -> s.bytes().length).sum()];
        int from = 0;
        int to = 0;
        for (Segment s : segments) {
            int length = (int) s.offset() - from;
            System.arraycopy(payload, from, skeleton, to, length);
            to += length;
            from = (int) s.offset() + s.bytes().length;
        }
        System.arraycopy(payload, from, skeleton, to, payload.length - from);
        return new Encoded(SEGMENTS, zlib(skeleton), segments);
    }

    /** The maximal runs of base64 characters (line breaks included) of at least {@link #MIN_SEGMENT} bytes. */
    static List<Segment> segments(byte[] payload) {
        List<Segment> found = new ArrayList<>(2);
        int start = -1;
        for (int i = 0; i <= payload.length; i++) {
            boolean inRun = i < payload.length && BASE64[payload[i] & 0xff];
            if (inRun && start < 0) {
                start = i;
            } else if (!inRun && start >= 0) {
                if (i - start >= MIN_SEGMENT) {
                    byte[] run = Arrays.copyOfRange(payload, start, i);
                    found.add(new Segment(start, Digests.sha256Hex(run), run));
                }
                start = -1;
            }
        }
        return found;
    }

    /** A payload that does not shrink by a tenth in a sample of its middle is not worth zlib's CPU. */
    private static boolean compressible(byte[] payload) {
        int from = payload.length / 2 - SAMPLE / 2;
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(payload, from, SAMPLE);
            deflater.finish();
            byte[] out = new byte[SAMPLE + 64];
            int n = 0;
            while (!deflater.finished() && n < out.length) {
                n += deflater.deflate(out, n, out.length - n);
            }
            return n < SAMPLE * WORTH_IT;
        } finally {
            deflater.end();
        }
    }

    private static Encoded deflate(byte[] payload) {
        byte[] compressed = zlib(payload);
        return compressed.length >= payload.length ? new Encoded(NONE, payload) : new Encoded(DEFLATE, compressed);
    }

    private static byte[] zlib(byte[] payload) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(payload);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, payload.length / 2));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The exact bytes of a payload stored {@link #NONE} or {@link #DEFLATE}. */
    static byte[] decode(String compression, byte[] content, long size) {
        if (NONE.equals(compression)) {
            return content;
        }
        if (!DEFLATE.equals(compression)) {
            throw new IllegalStateException("unknown payload compression " + compression);
        }
        return inflate(content, size);
    }

    /**
     * The exact bytes of a payload stored {@link #SEGMENTS}: its skeleton with the segments put back
     * at their offsets (ascending).
     */
    static byte[] join(byte[] compressedSkeleton, long size, List<Segment> segments) {
        long segmentBytes = segments.stream().mapToLong(s -> s.bytes().length).sum();
        byte[] skeleton = inflate(compressedSkeleton, size - segmentBytes);
        byte[] out = new byte[Math.toIntExact(size)];
        int from = 0;
        int to = 0;
        for (Segment s : segments) {
            int length = (int) s.offset() - to;
            if (length < 0 || from + length > skeleton.length) {
                throw new IllegalStateException("stored payload segments overlap or exceed the payload at " + s.offset());
            }
            System.arraycopy(skeleton, from, out, to, length);
            from += length;
            to += length;
            System.arraycopy(s.bytes(), 0, out, to, s.bytes().length);
            to += s.bytes().length;
        }
        if (to + skeleton.length - from != out.length) {
            throw new IllegalStateException("stored payload segments do not add up to its " + size + " bytes");
        }
        System.arraycopy(skeleton, from, out, to, skeleton.length - from);
        return out;
    }

    private static byte[] inflate(byte[] content, long size) {
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
