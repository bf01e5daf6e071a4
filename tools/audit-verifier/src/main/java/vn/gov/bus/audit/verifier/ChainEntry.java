package vn.gov.bus.audit.verifier;

import java.util.Base64;

/**
 * One record as a bundle (or the live store) presents it: the hashes that link it, and either its
 * full content or, for a record the export did not select, only the digest of its content.
 */
public record ChainEntry(long seq, byte[] previousHash, byte[] recordHash, byte[] content, byte[] contentDigest) {

    public static ChainEntry full(long seq, byte[] previousHash, byte[] recordHash, byte[] content) {
        return new ChainEntry(seq, previousHash, recordHash, content, null);
    }

    public static ChainEntry withheld(long seq, byte[] previousHash, byte[] recordHash, byte[] contentDigest) {
        return new ChainEntry(seq, previousHash, recordHash, null, contentDigest);
    }

    public boolean isFull() {
        return content != null;
    }

    /** The line of {@code records.txt}: seq, previous hash, record hash, F + base64 content | W + digest. */
    public String toLine() {
        return seq + "\t" + Digests.hex(previousHash) + "\t" + Digests.hex(recordHash) + "\t"
                + (isFull() ? "F\t" + Base64.getEncoder().encodeToString(content) : "W\t" + Digests.hex(contentDigest));
    }

    /** Parses a line written by {@link #toLine()}; IllegalArgumentException names what is wrong. */
    public static ChainEntry parse(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("expected 5 tab-separated fields, found " + parts.length);
        }
        long seq;
        try {
            seq = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sequence number '" + parts[0] + "' is not a number");
        }
        byte[] previous = Digests.parseSha256Hex(parts[1]);
        byte[] hash = Digests.parseSha256Hex(parts[2]);
        return switch (parts[3]) {
            case "F" -> full(seq, previous, hash, Base64.getDecoder().decode(parts[4]));
            case "W" -> withheld(seq, previous, hash, Digests.parseSha256Hex(parts[4]));
            default -> throw new IllegalArgumentException("kind '" + parts[3] + "' is neither F nor W");
        };
    }
}
