package vn.gov.bus.core.audit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of payload bytes: a payload not used for {@code retention} is deleted; the records keep
 * its digest and the store remembers it was pruned, so the chain and the bundles still verify.
 */
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditStore store;
    private final AuditWriter writer;
    private final Duration retention;
    private final Clock clock;

    public AuditRetention(AuditStore store, AuditWriter writer, Duration retention, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.retention = retention;
        this.clock = clock;
    }

    public int prune() {
        int pruned = store.prunePayloadsUnusedSince(clock.instant().minus(retention));
        writer.forgetRecentPayloads();
        if (pruned > 0) {
            log.info("audit retention: {} payload(s) unused for {} deleted; their digests stay in the chain / đã xoá "
                    + "{} nội dung quá thời hạn lưu", pruned, retention, pruned);
        }
        return pruned;
    }
}
