package vn.gov.bus.app.config;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.app.audit.AuditLifecycle;
import vn.gov.bus.core.audit.AuditCheckpoints;
import vn.gov.bus.core.audit.AuditExporter;
import vn.gov.bus.core.audit.AuditRetention;
import vn.gov.bus.core.audit.AuditStore;
import vn.gov.bus.core.audit.AuditTrail;
import vn.gov.bus.core.audit.AuditVerification;
import vn.gov.bus.core.audit.AuditWriter;
import vn.gov.bus.core.audit.CheckpointSigner;
import vn.gov.bus.core.audit.TimestampClient;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.pki.TrustAnchors;
import vn.gov.bus.routes.DeliveryAttempts;
import vn.gov.bus.routes.audit.AuditEventNotifier;
import vn.gov.bus.routes.audit.BusQueues;
import vn.gov.bus.routes.replay.AuditReplay;

/**
 * The tamper-evident audit log (docs/auditing.md): store and group-commit writer, checkpoints,
 * retention, the Camel event notifier that records the message path, export, verification and
 * replay. With {@code bus.audit.enabled=false} only a trail that records nothing is wired.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "bus.audit.enabled", havingValue = "false")
    AuditTrail disabledAuditTrail() {
        log.warn("bus.audit.enabled=false: the audit log records NOTHING (for measurements only) / nhật ký kiểm "
                + "toán đang TẮT");
        return event -> { };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "bus.audit.enabled", havingValue = "true", matchIfMissing = true)
    static class Enabled {

        /**
         * The audit log's database: by default its own H2 file next to the bus's, because payloads
         * are large rows and H2 writes every commit of a database file as one chunk — sharing the file
         * makes the delivery ledger's small commits carry the payloads' pages. An empty url keeps the tables in the bus's database (PostgreSQL copes). Takes the
         * JdbcTemplate so that Flyway has migrated the bus's database first.
         */
        @Bean(destroyMethod = "close")
        AuditDatabase auditDatabase(JdbcTemplate jdbc, AuditProperties audit) {
            if (!audit.database().separate()) {
                return new AuditDatabase(jdbc.getDataSource(), null);
            }
            com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
            ds.setJdbcUrl(audit.database().url());
            ds.setUsername(audit.database().username());
            ds.setPassword(audit.database().password());
            ds.setPoolName("audit");
            ds.setMaximumPoolSize(4);
            // the same migrations as the bus's database: V4 creates the audit tables (the others stay empty)
            org.flywaydb.core.Flyway.configure().dataSource(ds).load().migrate();
            log.info("audit log database: {}", audit.database().url());
            return new AuditDatabase(ds, ds);
        }

        @Bean
        AuditStore auditStore(AuditDatabase database) {
            return new AuditStore(database.dataSource());
        }

        @Bean
        AuditWriter auditTrail(AuditStore store, AuditProperties audit, Clock clock) {
            return new AuditWriter(store, clock, audit.commitWait(), audit.queueCapacity(), audit.maxBatch());
        }

        @Bean
        AuditCheckpoints auditCheckpoints(AuditStore store, PackageConfiguration.Pki pki, AuditProperties audit,
                                          Clock clock) {
            TimestampClient tsa = audit.tsaUrl() == null ? null : new TimestampClient(audit.tsaUrl(), audit.tsaTimeout());
            log.info("audit checkpoints every {}, signed by {}; timestamps: {}", audit.checkpointInterval(),
                    pki.key().certificate().getSubjectX500Principal().getName(),
                    tsa == null ? "none (no bus.audit.tsa-url)" : audit.tsaUrl());
            return new AuditCheckpoints(store, new CheckpointSigner(pki.key()), tsa, clock);
        }

        /** The roots an auditor needs: the bus's anchors (its key chains to one) and the TSA's. */
        @Bean
        AuditAnchors auditAnchors(PackageConfiguration.Pki pki, AuditProperties audit) {
            List<X509Certificate> anchors = new ArrayList<>(pki.anchors().certificates());
            if (!audit.tsaCertificates().isEmpty()) {
                anchors.addAll(TrustAnchors.fromPem(audit.tsaCertificates().toArray(java.nio.file.Path[]::new))
                        .certificates());
            }
            return new AuditAnchors(anchors);
        }

        @Bean
        AuditExporter auditExporter(AuditStore store, AuditCheckpoints checkpoints, AuditAnchors anchors) {
            return new AuditExporter(store, checkpoints, anchors.certificates());
        }

        @Bean
        AuditVerification auditVerification(AuditStore store, AuditCheckpoints checkpoints, AuditAnchors anchors) {
            return new AuditVerification(store, checkpoints, anchors.certificates());
        }

        @Bean
        AuditRetention auditRetention(AuditStore store, AuditWriter writer, AuditProperties audit, Clock clock) {
            return new AuditRetention(store, writer, audit.payloadRetention(), clock);
        }

        @Bean
        AuditLifecycle auditLifecycle(AuditWriter writer, AuditCheckpoints checkpoints, AuditRetention retention,
                                      AuditProperties audit) {
            return new AuditLifecycle(writer, checkpoints, retention, audit.checkpointInterval(),
                    audit.payloadRetention().isZero() ? null : audit.retentionInterval());
        }

        /** Camel finds EventNotifier beans in the registry and registers them with the context. */
        @Bean
        AuditEventNotifier auditEventNotifier(AuditTrail trail, BusQueues queues, DeliveryAttempts attempts) {
            return new AuditEventNotifier(trail, queues, attempts);
        }

        @Bean
        AuditReplay auditReplay(AuditStore store, AuditTrail trail, ProducerTemplate producer, EdxmlReader reader,
                                BusQueues queues) {
            return new AuditReplay(store, trail, producer, reader, queues);
        }
    }

    @Bean
    BusQueues busQueues(@Value("${bus.queues.outgoing}") String outgoing,
                        @Value("${bus.queues.deliver-local}") String deliverLocal,
                        @Value("${bus.queues.deliver-axis}") String deliverAxis,
                        @Value("${bus.queues.incoming}") String incoming) {
        return new BusQueues(outgoing, deliverLocal, deliverAxis, incoming);
    }

    /** Where the audit tables are; {@code owned} is closed with the context when the audit log has its own pool. */
    public record AuditDatabase(javax.sql.DataSource dataSource, java.io.Closeable owned) {
        public void close() throws java.io.IOException {
            if (owned != null) {
                owned.close();
            }
        }
    }

    /** The certificates that verify checkpoints and timestamps. */
    public record AuditAnchors(List<X509Certificate> certificates) {
    }
}
