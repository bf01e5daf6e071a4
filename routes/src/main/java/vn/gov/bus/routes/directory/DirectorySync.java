package vn.gov.bus.routes.directory;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.axis.AxisAgency;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisException;
import vn.gov.bus.core.state.AxisDirectoryEntry;
import vn.gov.bus.core.state.DirectorySynchronizer;
import vn.gov.bus.core.state.SyncReport;

/**
 * One synchronisation of the agency directory from the national axis. When the axis cannot be
 * asked, the current directory stays as it is: a stale directory still routes almost every
 * document, an emptied one routes none.
 */
@Component
public class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final AxisClient axis;
    private final DirectorySynchronizer synchronizer;

    public DirectorySync(AxisClient axis, DirectorySynchronizer synchronizer) {
        this.axis = axis;
        this.synchronizer = synchronizer;
    }

    /** Fetches /getAgenciesList and applies it; empty when the axis failed or sent nothing usable. */
    public Optional<SyncReport> synchronise() {
        List<AxisAgency> agencies;
        try {
            agencies = axis.getAgenciesList();
        } catch (AxisException e) {
            log.warn("Directory sync skipped, current directory kept (next run retries): the axis did not answer"
                    + " /getAgenciesList: {}", e.getMessage());
            return Optional.empty();
        }
        if (agencies.isEmpty()) {
            log.warn("Directory sync skipped, current directory kept (next run retries): the axis answered"
                    + " /getAgenciesList with an empty list");
            return Optional.empty();
        }
        SyncReport report = synchronizer.synchronise(agencies.stream()
                .map(a -> new AxisDirectoryEntry(a.id(), a.pid(), a.code(), a.name(), a.mail()))
                .toList());
        log.info("Directory synchronised from the axis in {} ms: {} received, {} inserted, {} updated, {} deleted,"
                        + " {} unchanged, {} kept as local overrides, {} skipped (blank, over-long or repeated code)",
                report.duration().toMillis(), report.received(), report.inserted(), report.updated(),
                report.deleted(), report.unchanged(), report.localOverrides(), report.skipped());
        if (report.nonConformingCodes() > 0) {
            // QCVN 102:2016 shape LLL.LL.LL.XNN; real directories carry older and centre codes, kept as they are
            log.info("Directory: {} agency codes do not have the shape LLL.LL.LL.XNN (kept), e.g. {}",
                    report.nonConformingCodes(), report.nonConformingSample());
        }
        return Optional.of(report);
    }
}
