package vn.gov.bus.routes.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.bus.connectors.axis.AxisAgency;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.axis.AxisException;
import vn.gov.bus.core.edxml.AgencyCodes;
import vn.gov.bus.core.state.Agency;
import vn.gov.bus.core.state.AgencyDirectory;
import vn.gov.bus.core.state.AxisDirectoryEntry;
import vn.gov.bus.core.state.Channel;
import vn.gov.bus.core.state.DirectorySynchronizer;
import vn.gov.bus.core.state.SyncReport;

/**
 * One synchronisation of the agency directory from the national axis. When the axis cannot be
 * asked, the current directory stays as it is: a stale directory still routes almost every
 * document, an emptied one routes none. With {@code bus.directory.register-local-agencies}, the
 * local agencies the axis does not list yet are registered with it (/registerAgency) under this
 * system, so that other provinces can address them.
 */
@Component
public class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final AxisClient axis;
    private final DirectorySynchronizer synchronizer;
    private final AgencyDirectory directory;
    private final boolean registerLocalAgencies;

    public DirectorySync(AxisClient axis, DirectorySynchronizer synchronizer, AgencyDirectory directory,
                         @Value("${bus.directory.register-local-agencies:false}") boolean registerLocalAgencies) {
        this.axis = axis;
        this.synchronizer = synchronizer;
        this.directory = directory;
        this.registerLocalAgencies = registerLocalAgencies;
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
        if (registerLocalAgencies) {
            registerLocalAgencies(agencies);
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

    /**
     * Registers with the axis every local agency whose code {@code listed} (the axis's directory)
     * does not contain; returns the codes registered. A refusal (e.g. the code belongs to another
     * system) is logged and the others go on; the next synchronisation tries again.
     */
    public List<String> registerLocalAgencies(List<AxisAgency> listed) {
        Set<String> known = new HashSet<>();
        listed.forEach(a -> known.add(a.code()));
        List<String> registered = new ArrayList<>();
        for (Agency local : directory.list(Channel.LOCAL)) {
            if (known.contains(local.organId())) {
                continue;
            }
            if (!AgencyCodes.conforms(local.organId())) {
                log.warn("Directory: local agency code '{}' does not have the shape LLL.LL.LL.XNN; registered as it is",
                        local.organId());
            }
            try {
                axis.registerAgency(local.organId(), local.name(), local.mail());
                registered.add(local.organId());
                log.info("Directory: local agency {} ({}) registered with the axis", local.organId(), local.name());
            } catch (AxisException e) {
                log.warn("Directory: local agency {} not registered with the axis (next sync retries): {}",
                        local.organId(), e.getMessage());
            }
        }
        return registered;
    }
}
