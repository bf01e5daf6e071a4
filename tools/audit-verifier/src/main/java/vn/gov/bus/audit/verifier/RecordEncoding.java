package vn.gov.bus.audit.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The canonical encoding of an audit record and the hash chain over it (docs/auditing.md,
 * "Record encoding"; an auditor re-implements exactly this):
 *
 * <pre>
 * content     = "bus-audit-record/1" 0x0A, then the 14 fields in order
 *               seq, time, step, outcome, messageId, documentId, correlationId, routeId,
 *               senderId, recipientId, actor, origin, detail, payloadSha256,
 *               each as 0x00 (null) or 0x01, uint32 big-endian byte length, UTF-8 bytes
 * digest      = SHA-256(content)
 * recordHash  = SHA-256(previousRecordHash (32 bytes) || digest (32 bytes))
 * previousRecordHash of record 1 = 32 zero bytes
 * </pre>
 *
 * The record hash covers the content only through its digest, so a bundle can withhold a record
 * that was not selected (giving its digest) and the chain still verifies across it.
 */
public final class RecordEncoding {

    public static final String MAGIC = "bus-audit-record/1\n";
    public static final byte[] GENESIS = new byte[32];
    private static final int FIELDS = 14;

    private RecordEncoding() {
    }

    public static byte[] encode(RecordFields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(MAGIC.getBytes(StandardCharsets.US_ASCII));
        for (String field : fields.inOrder()) {
            if (field == null) {
                out.write(0);
                continue;
            }
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }

    /** Decodes content written by {@link #encode}; anything else is refused with the reason. */
    public static RecordFields decode(byte[] content) {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        if (content.length < magic.length || !Arrays.equals(Arrays.copyOf(content, magic.length), magic)) {
            throw new MalformedRecordException("content does not start with '" + MAGIC.strip() + "'");
        }
        ByteBuffer in = ByteBuffer.wrap(content, magic.length, content.length - magic.length);
        String[] values = new String[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            if (!in.hasRemaining()) {
                throw new MalformedRecordException("content ends before field " + (i + 1) + " of " + FIELDS);
            }
            byte marker = in.get();
            if (marker == 0) {
                continue;
            }
            if (marker != 1 || in.remaining() < 4) {
                throw new MalformedRecordException("field " + (i + 1) + " has an invalid presence marker or length");
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new MalformedRecordException("field " + (i + 1) + " claims " + length + " bytes, "
                        + in.remaining() + " remain");
            }
            byte[] utf8 = new byte[length];
            in.get(utf8);
            values[i] = utf8(utf8, i + 1);
        }
        if (in.hasRemaining()) {
            throw new MalformedRecordException(in.remaining() + " bytes follow the last field");
        }
        long seq;
        try {
            seq = Long.parseLong(values[0]);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("seq is not a number: '" + values[0] + "'");
        }
        if (values[1] == null || values[2] == null || values[3] == null) {
            throw new MalformedRecordException("time, step and outcome are required");
        }
        return new RecordFields(seq, values[1], values[2], values[3], values[4], values[5], values[6], values[7],
                values[8], values[9], values[10], values[11], values[12], values[13]);
    }

    public static byte[] chainHash(byte[] previous, byte[] contentDigest) {
        MessageDigest md = Digests.newSha256();
        md.update(previous);
        md.update(contentDigest);
        return md.digest();
    }

    private static String utf8(byte[] bytes, int field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRecordException("field " + field + " is not valid UTF-8");
        }
    }

    /** The content bytes are not a record of this format. */
    public static final class MalformedRecordException extends RuntimeException {
        public MalformedRecordException(String message) {
            super(message);
        }
    }
}
