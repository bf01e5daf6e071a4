package vn.gov.bus.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tamper-evident audit log (docs/auditing.md; every key in docs/configuration.md).
 *
 * @param enabled            false: nothing is recorded (for measuring the bus without it; never in production)
 * @param commitWait         how long a step waits for its record's commit before going on (the record
 *                           then stays queued in memory until the database answers)
 * @param queueCapacity      records waiting for the writer at most
 * @param maxBatch           records per commit at most
 * @param checkpointInterval how often the chain head is signed (also at shutdown and before an export)
 * @param payloadRetention   payloads unused this long are deleted (digests stay); 0 keeps them forever
 * @param retentionInterval  how often retention runs
 * @param tsaUrl             RFC 3161 time-stamping authority for checkpoints; empty: none
 * @param tsaTimeout         connect and answer timeout of the TSA
 * @param tsaCertificates    PEM files of the TSA's root (and intermediates): trusted when verifying,
 *                           and written into every export bundle
 * @param database           the audit log's own database; an empty url keeps it in the bus's database
 * @param durableReceipts    true: the hub answers SendDocument only after the RECEIVED and ACCEPTED
 *                           (or REJECTED) records are committed (one commit wait per call)
 */
@Validated
@ConfigurationProperties("bus.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("5s") Duration commitWait,
                              @DefaultValue("10000") int queueCapacity,
                              @DefaultValue("500") int maxBatch,
                              @DefaultValue("15m") Duration checkpointInterval,
                              @DefaultValue("0d") Duration payloadRetention,
                              @DefaultValue("6h") Duration retentionInterval,
                              URI tsaUrl,
                              @DefaultValue("10s") Duration tsaTimeout,
                              List<Path> tsaCertificates,
                              Database database,
                              @DefaultValue("false") boolean durableReceipts) {

    /** JDBC url, user and password of the audit log's database (empty url: the bus's own database). */
    public record Database(String url, String username, String password) {

        public boolean separate() {
            return url != null && !url.isBlank();
        }
    }

    public AuditProperties {
        tsaCertificates = tsaCertificates == null ? List.of() : List.copyOf(tsaCertificates);
        database = database == null ? new Database(null, null, null) : database;
        if (tsaUrl != null && tsaUrl.toString().isBlank()) {
            tsaUrl = null;
        }
    }
}
