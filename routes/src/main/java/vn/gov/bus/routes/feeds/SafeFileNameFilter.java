package vn.gov.bus.routes.feeds;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.connectors.feeds.FileNames;
import vn.gov.bus.core.audit.AuditEvent;
import vn.gov.bus.core.audit.AuditOutcome;
import vn.gov.bus.core.audit.AuditStep;
import vn.gov.bus.core.audit.AuditTrail;

/**
 * Decides, from the remote listing, which files the feed consumers may download: names that
 * could escape the drop folder or hide from operators ({@link FileNames}) are refused and
 * audited — once per name per process, since the file stays listed at every poll — and never
 * downloaded, moved or deleted. Directories (.done, .error) are not files to process.
 */
public class SafeFileNameFilter implements GenericFileFilter<Object> {

    private static final Logger log = LoggerFactory.getLogger(SafeFileNameFilter.class);

    private final AuditTrail audit;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public SafeFileNameFilter(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return false;
        }
        String name = file.getFileNameOnly();
        Optional<String> refusal = FileNames.refusal(name);
        if (refusal.isEmpty()) {
            return true;
        }
        String where = file.getEndpointPath() + " : " + printable(name);
        if (reported.add(where)) {
            log.warn("feeds: refused to take file '{}' from {}: {}", printable(name), file.getEndpointPath(), refusal.get());
            audit.record(AuditEvent.of(AuditStep.FILE_RECEIVED).outcome(AuditOutcome.REFUSED).origin(file.getEndpointPath())
                    .detail("tên tệp bị từ chối / file name refused: '" + printable(name) + "': " + refusal.get()).build());
        }
        return false;
    }

    /** Control characters shown as \\uXXXX so that a log line cannot be forged. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append("\\u%04x".formatted(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
