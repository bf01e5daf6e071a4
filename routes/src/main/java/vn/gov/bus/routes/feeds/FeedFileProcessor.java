package vn.gov.bus.routes.feeds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.bus.connectors.feeds.Checksums;
import vn.gov.bus.connectors.feeds.FeedRejectedException;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.state.FeedFileLedger;

/**
 * The file discipline every feed shares. A downloaded file is checksummed; if the ledger already
 * has the same (feed, name, SHA-256) it is not processed again. Otherwise the feed's handler runs
 * in one database transaction with the ledger record. The outcome decides where the consumer
 * moves the remote file once the exchange completes, i.e. after the commit: {@code .done/},
 * or {@code .error/} with a reason file beside it. A failure that is not the file's fault
 * (database, network) propagates: the file stays in the drop folder and is tried again.
 *
 * <p>Exchange properties set: {@link #MOVE_TO} (relative to the drop folder; the consumer's
 * {@code move} option reads it), and for refused files {@link #REASON} and {@link #REASON_FILE}.
 */
public class FeedFileProcessor implements Processor {

    public static final String MOVE_TO = "feedMoveTo";
    public static final String REASON = "feedReason";
    public static final String REASON_FILE = "feedReasonFile";

    private static final Logger log = LoggerFactory.getLogger(FeedFileProcessor.class);

    private final String feed;
    private final String routeId;
    private final FeedHandler handler;
    private final FeedFileLedger ledger;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    public FeedFileProcessor(String feed, String routeId, FeedHandler handler, FeedFileLedger ledger,
                             TransactionTemplate transaction, AuditTrail audit) {
        this.feed = feed;
        this.routeId = routeId;
        this.handler = Objects.requireNonNull(handler);
        this.ledger = ledger;
        this.transaction = transaction;
        this.audit = audit;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path local = Path.of(exchange.getIn().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class));
        long size = Files.size(local);
        String sha256 = Checksums.sha256(local);
        audit.record(AuditEvent.of(AuditStep.FILE_RECEIVED).routeId(routeId).correlationId(sha256)
                .detail(feed + ": " + name + " (" + size + " bytes, SHA-256 " + sha256 + ")").build());
        Optional<FeedFileLedger.Entry> seen = ledger.find(feed, name, sha256);
        if (seen.isPresent()) {
            duplicate(exchange, name, sha256, seen.get());
            return;
        }
        try {
            long[] id = new long[1];
            String summary = transaction.execute(status -> {
                id[0] = ledger.record(feed, name, sha256, size, FeedFileLedger.Status.PROCESSED, null);
                try {
                    return handler.handle(new FeedFile(id[0], feed, name, local, sha256, size));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            exchange.setProperty(MOVE_TO, ".done/" + id[0] + "-" + name);
            audit.record(AuditEvent.of(AuditStep.FILE_PROCESSED).routeId(routeId).correlationId(sha256)
                    .messageId(feed + "/" + id[0]).detail(feed + ": " + name + ": " + summary).build());
            log.info("feeds: {} {} processed as #{}: {}", feed, name, id[0], summary);
        } catch (FeedRejectedException e) {
            refuse(exchange, name, sha256, size, e);
        } catch (DuplicateKeyException raced) {
            // another node recorded the same file between our look-up and our insert
            duplicate(exchange, name, sha256, ledger.find(feed, name, sha256).orElseThrow(() -> raced));
        } catch (RuntimeException e) {
            audit.record(AuditEvent.of(AuditStep.FAILED).outcome(AuditOutcome.ERROR).routeId(routeId).correlationId(sha256)
                    .detail(feed + ": " + name + ": kept in the drop folder for the next poll: " + e).build());
            throw e;
        }
    }

    private void refuse(Exchange exchange, String name, String sha256, long size, FeedRejectedException e) {
        long id;
        try {
            id = ledger.record(feed, name, sha256, size, FeedFileLedger.Status.REJECTED, e.code() + ": " + e.getMessage());
        } catch (DuplicateKeyException raced) {
            id = ledger.find(feed, name, sha256).map(FeedFileLedger.Entry::id).orElseThrow(() -> raced);
        }
        String target = ".error/" + id + "-" + name;
        exchange.setProperty(MOVE_TO, target);
        exchange.setProperty(REASON_FILE, target + ".reason.txt");
        exchange.setProperty(REASON, reason(name, sha256, e.code(), e.getMessage()));
        audit.record(AuditEvent.of(AuditStep.FILE_PROCESSED).outcome(AuditOutcome.REFUSED).routeId(routeId)
                .correlationId(sha256).messageId(feed + "/" + id).detail(feed + ": " + name + ": " + e.code() + ": "
                        + e.getMessage()).build());
        log.warn("feeds: {} {} refused (#{}): {}: {}", feed, name, id, e.code(), e.getMessage());
    }

    private void duplicate(Exchange exchange, String name, String sha256, FeedFileLedger.Entry first) {
        String where = first.status() == FeedFileLedger.Status.PROCESSED ? ".done/" : ".error/";
        String message = ("Tệp này (cùng tên, cùng SHA-256) đã được nhận lúc %s là tệp #%d (%s%d-%s) và không được xử lý lại"
                + " / this file (same name, same SHA-256) was already received at %s as file #%d (%s%d-%s) and is not"
                + " processed again").formatted(first.receivedAt(), first.id(), where, first.id(), name,
                first.receivedAt(), first.id(), where, first.id(), name);
        String target = ".error/" + first.id() + "-duplicate-" + Instant.now().toEpochMilli() + "-" + name;
        exchange.setProperty(MOVE_TO, target);
        exchange.setProperty(REASON_FILE, target + ".reason.txt");
        exchange.setProperty(REASON, reason(name, sha256, "DUPLICATE", message));
        audit.record(AuditEvent.of(AuditStep.FILE_PROCESSED).outcome(AuditOutcome.WARNING).routeId(routeId)
                .correlationId(sha256).messageId(feed + "/" + first.id()).detail(feed + ": " + name + ": DUPLICATE").build());
        log.warn("feeds: {} {} is a duplicate of #{}, not processed again", feed, name, first.id());
    }

    private String reason(String name, String sha256, String code, String message) {
        return """
                Tệp / file: %s
                Nguồn / feed: %s
                SHA-256: %s
                Thời điểm / at: %s
                Mã lý do / reason code: %s
                Lý do / reason: %s
                """.formatted(name, feed, sha256, Instant.now(), code, message);
    }
}
