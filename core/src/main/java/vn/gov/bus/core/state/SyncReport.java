package vn.gov.bus.core.state;

import java.time.Duration;
import java.util.List;

/**
 * What one synchronisation of the directory from the axis did.
 *
 * @param received           entries the axis sent
 * @param inserted           new AXIS rows
 * @param updated            AXIS rows whose name, mail or parent changed
 * @param deleted            AXIS rows no longer in the axis directory
 * @param unchanged          AXIS rows already up to date
 * @param localOverrides     entries whose code belongs to a non-AXIS row (seed, operator); left as they are
 * @param skipped            entries that cannot be stored: blank or over-long code, or a code repeated in the list
 * @param nonConformingCodes stored codes that do not have the shape {@code LLL.LL.LL.XNN} (kept, only a warning)
 * @param nonConformingSample up to ten of those codes, for the log
 */
public record SyncReport(int received, int inserted, int updated, int deleted, int unchanged,
                         int localOverrides, int skipped, int nonConformingCodes,
                         List<String> nonConformingSample, Duration duration) {

    public SyncReport {
        nonConformingSample = List.copyOf(nonConformingSample);
    }

    /** True when the sync changed no row. */
    public boolean noChanges() {
        return inserted == 0 && updated == 0 && deleted == 0;
    }
}
