package vn.gov.bus.audit.verifier;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a run of records in sequence order: each record's link to the previous one, its hash
 * over its content, its payload's digest, then every checkpoint's signature (and timestamp) and
 * that the head it signed is the record hash in the run; the last record must be covered by a
 * checkpoint. Stops at the first problem, naming the record. Used on bundles (offline) and on
 * the live store (through the bus's API).
 */
public final class ChainVerifier {

    /** Where payload bytes come from: a bundle's files or the live payload store. */
    public interface Payloads {
        /** The exact bytes stored under this digest, or null when there are none. */
        byte[] get(String sha256Hex);

        /** Whether retention removed this payload (its absence is then expected). */
        boolean pruned(String sha256Hex);
    }

    public record Checkpoint(long seq, byte[] cms, byte[] timestampToken) {
    }

    private final CheckpointVerifier checkpoints;

    public ChainVerifier(CheckpointVerifier checkpoints) {
        this.checkpoints = checkpoints;
    }

    public Report verify(Iterator<ChainEntry> entries, Payloads payloads, List<Checkpoint> signed) {
        Set<Long> checkpointSeqs = new HashSet<>();
        signed.forEach(c -> checkpointSeqs.add(c.seq()));
        Map<Long, byte[]> headsAt = new HashMap<>();
        Map<String, Boolean> payloadChecked = new HashMap<>();
        Counts n = new Counts();
        byte[] previous = null;
        long expected = -1;
        while (entries.hasNext()) {
            ChainEntry e = entries.next();
            if (n.records == 0) {
                n.first = e.seq();
                expected = e.seq();
            }
            if (e.seq() != expected) {
                return n.broken(expected, e.seq() < expected
                        ? "records are out of order: record " + e.seq() + " appears where record " + expected
                        + " belongs" : "record " + expected + " is missing (record " + e.seq() + " follows record "
                        + (expected - 1) + ")");
            }
            if (previous != null && !MessageDigest.isEqual(previous, e.previousHash())) {
                return n.broken(e.seq(), "its previous-record hash does not match the hash of record " + (e.seq() - 1));
            }
            byte[] digest;
            RecordFields fields = null;
            if (e.isFull()) {
                try {
                    fields = RecordEncoding.decode(e.content());
                } catch (RecordEncoding.MalformedRecordException bad) {
                    return n.broken(e.seq(), "its content is not a valid record: " + bad.getMessage());
                }
                if (fields.seq() != e.seq()) {
                    return n.broken(e.seq(), "its content names record " + fields.seq());
                }
                digest = Digests.sha256(e.content());
                n.full++;
            } else {
                digest = e.contentDigest();
                n.withheld++;
            }
            if (!MessageDigest.isEqual(RecordEncoding.chainHash(e.previousHash(), digest), e.recordHash())) {
                return n.broken(e.seq(), "its record hash does not match its content and previous hash "
                        + "(the record was changed)");
            }
            if (fields != null && fields.payloadSha256() != null) {
                String problem = checkPayload(fields.payloadSha256(), payloads, payloadChecked, n);
                if (problem != null) {
                    return n.broken(e.seq(), problem);
                }
            }
            if (checkpointSeqs.contains(e.seq())) {
                headsAt.put(e.seq(), e.recordHash());
            }
            previous = e.recordHash();
            n.last = e.seq();
            n.records++;
            expected = e.seq() + 1;
        }
        if (n.records == 0) {
            return n.broken(0, "there are no records");
        }
        long covered = -1;
        for (Checkpoint c : signed) {
            CheckpointVerifier.Verified v;
            try {
                v = checkpoints.verify(c.cms(), c.timestampToken());
            } catch (CheckpointVerifier.CheckpointException bad) {
                return n.broken(c.seq(), "the checkpoint at this record does not verify: " + bad.getMessage());
            }
            if (v.statement().seq() != c.seq()) {
                return n.broken(c.seq(), "the checkpoint filed at this record signs record " + v.statement().seq());
            }
            if (c.seq() < n.first) {
                continue; // signs a head before this run; the later checkpoints cover the run
            }
            byte[] head = headsAt.get(c.seq());
            if (head == null) {
                return n.broken(c.seq(), "a signed checkpoint names this record, which is missing (records after "
                        + n.last + " were removed)");
            }
            if (!Digests.hex(head).equals(v.statement().headHex())) {
                return n.broken(c.seq(), "the signed checkpoint's head differs from this record's hash");
            }
            n.checkpoints++;
            if (v.timestamp() != null) {
                n.timestamped++;
            }
            covered = Math.max(covered, c.seq());
        }
        if (covered < n.last) {
            return n.broken(covered < 0 ? n.first : covered + 1, "records " + (covered < 0 ? n.first : covered + 1)
                    + " to " + n.last + " are not covered by a signed checkpoint");
        }
        return n.ok();
    }

    private static String checkPayload(String hex, Payloads payloads, Map<String, Boolean> checked, Counts n) {
        Boolean known = checked.get(hex);
        if (known != null) {
            return known ? null : "its payload " + hex + " does not match its digest";
        }
        byte[] bytes = payloads.get(hex);
        if (bytes == null) {
            if (payloads.pruned(hex)) {
                checked.put(hex, true);
                n.pruned++;
                return null;
            }
            return "its payload " + hex + " is missing (and not recorded as pruned by retention)";
        }
        boolean ok = Digests.sha256Hex(bytes).equals(hex);
        checked.put(hex, ok);
        if (ok) {
            n.payloads++;
            return null;
        }
        return "its payload " + hex + " does not match its digest (the payload was changed)";
    }

    private static final class Counts {
        long records;
        long full;
        long withheld;
        long payloads;
        long pruned;
        int checkpoints;
        int timestamped;
        long first;
        long last;

        Report broken(long at, String reason) {
            return new Report(false, at, reason, records, full, withheld, payloads, pruned, checkpoints, timestamped,
                    first, last);
        }

        Report ok() {
            return new Report(true, -1, null, records, full, withheld, payloads, pruned, checkpoints, timestamped,
                    first, last);
        }
    }

    /** The outcome: OK with counts, or the first broken record and why. */
    public record Report(boolean ok, long brokenAt, String reason, long records, long full, long withheld,
                         long payloads, long pruned, int checkpoints, int timestamped, long first, long last) {

        public String summary() {
            if (ok) {
                return "OK records=" + records + " (" + first + ".." + last + ", full " + full + ", withheld "
                        + withheld + ") payloads=" + payloads + " pruned=" + pruned + " checkpoints=" + checkpoints
                        + " timestamped=" + timestamped;
            }
            return "BROKEN at record " + brokenAt + ": " + reason;
        }

        public String summaryVi() {
            if (ok) {
                return "HỢP LỆ: " + records + " bản ghi, " + payloads + " nội dung, " + pruned
                        + " nội dung đã xoá theo thời hạn lưu, " + checkpoints + " điểm kiểm tra đã ký ("
                        + timestamped + " có dấu thời gian)";
            }
            return "KHÔNG HỢP LỆ tại bản ghi " + brokenAt + ": " + reason;
        }
    }
}
