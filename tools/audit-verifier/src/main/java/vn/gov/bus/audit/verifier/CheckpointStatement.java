package vn.gov.bus.audit.verifier;

import java.nio.charset.StandardCharsets;

/**
 * What a checkpoint signs: the chain head at one moment, as UTF-8 text
 * <pre>
 * bus-audit-checkpoint/1
 * seq: 1234
 * head: (64 hex digits, the record hash of record 1234)
 * time: 2026-12-01T19:30:00.000Z
 * </pre>
 * (each line ending with LF). It is the encapsulated content of a CMS SignedData.
 */
public record CheckpointStatement(long seq, String headHex, String time) {

    static final String FIRST_LINE = "bus-audit-checkpoint/1";

    public byte[] toBytes() {
        return (FIRST_LINE + "\nseq: " + seq + "\nhead: " + headHex + "\ntime: " + time + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static CheckpointStatement parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != 5 || !FIRST_LINE.equals(lines[0]) || !lines[1].startsWith("seq: ")
                || !lines[2].startsWith("head: ") || !lines[3].startsWith("time: ") || !lines[4].isEmpty()) {
            throw new IllegalArgumentException("the signed content is not a " + FIRST_LINE + " statement");
        }
        long seq;
        try {
            seq = Long.parseLong(lines[1].substring(5));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the statement's seq is not a number");
        }
        String head = lines[2].substring(6);
        Digests.parseSha256Hex(head);
        return new CheckpointStatement(seq, head, lines[3].substring(6));
    }
}
