package vn.gov.bus.app.observability;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.gov.bus.app.admin.FeedConnectorTuning;
import vn.gov.bus.app.admin.TunableConnector;
import vn.gov.bus.app.config.AuditConfiguration;
import vn.gov.bus.connectors.axis.AxisClient;
import vn.gov.bus.connectors.mail.ImapMailbox;
import vn.gov.bus.connectors.mail.SmtpMailSender;
import vn.gov.bus.connectors.registry.RegistryConnection;

/**
 * One health indicator per connector, named as the health groups of config/application.yaml
 * use them ({@code management.endpoint.health.group.<connector>}): axis, smtp, imap, registry,
 * sftp, ftp, auditDb, camelStarted; the broker ({@code jms}) and the state database ({@code db}) are
 * Spring Boot's own, the certificates' is in the certificates package.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorHealthConfiguration {

    /** Bounds one probe: a health call must answer while the partner hangs. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    @Bean
    HealthIndicator axisHealthIndicator(AxisClient axis) {
        // the endpoint in force, which an administrator may have changed (issue 8)
        return Reachability.http(() -> axis.config().endpoint(), PROBE_TIMEOUT);
    }

    /** The server in force, which an administrator may have changed since the start (route deliver-mail). */
    @Bean
    HealthIndicator smtpHealthIndicator(SmtpMailSender sender) {
        return Reachability.tcp(() -> sender.settings().host(), () -> sender.settings().port(), PROBE_TIMEOUT);
    }

    /** The mailbox in force (route mail-incoming-poll). */
    @Bean
    HealthIndicator imapHealthIndicator(ImapMailbox mailbox) {
        return Reachability.tcp(() -> mailbox.settings().host(), () -> mailbox.settings().port(), PROBE_TIMEOUT);
    }

    /** The registry's WSDL: a SOAP service answers GET ?wsdl without a call being made. */
    @Bean
    HealthIndicator registryHealthIndicator(ObjectProvider<RegistryConnection> registry) {
        // the address each call uses now (RegistryConnection), not the CXF endpoint's configured one
        return Reachability.http(() -> {
            RegistryConnection connection = registry.getIfAvailable();
            return connection == null ? null : URI.create(connection.endpoint() + "?wsdl");
        }, PROBE_TIMEOUT);
    }

    /** The servers the SFTP feed routes poll now (an administrator may have moved one, issue 8). */
    @Bean
    HealthIndicator sftpHealthIndicator(Environment env, ObjectProvider<TunableConnector> connectors) {
        return Reachability.tcpEach(() -> feedServers(env, connectors, "sftp"), PROBE_TIMEOUT);
    }

    @Bean
    HealthIndicator ftpHealthIndicator(Environment env, ObjectProvider<TunableConnector> connectors) {
        return Reachability.tcpEach(() -> feedServers(env, connectors, "ftp", "ftps"), PROBE_TIMEOUT);
    }

    private static java.util.List<URI> feedServers(Environment env, ObjectProvider<TunableConnector> connectors,
                                                   String... schemes) {
        if (!feedsEnabled(env)) {
            return java.util.List.of();
        }
        java.util.List<URI> servers = new java.util.ArrayList<>();
        connectors.orderedStream().filter(c -> c instanceof FeedConnectorTuning).forEach(c -> {
            try {
                URI endpoint = c.endpoint();
                if (java.util.Arrays.asList(schemes).contains(endpoint.getScheme())) {
                    servers.add(endpoint);
                }
            } catch (IllegalStateException e) {
                // that feed's route is not built (its feed is off): nothing to probe
            }
        });
        return servers;
    }

    /** Health groups must name existing indicators, so the feeds' exist always and say UNKNOWN when off. */
    private static boolean feedsEnabled(Environment env) {
        return env.getProperty("bus.feeds.enabled", Boolean.class, false);
    }

    /** The audit log's own database (a separate pool by default, so Spring Boot's db indicator does not see it). */
    @Bean
    HealthIndicator auditDbHealthIndicator(ObjectProvider<AuditConfiguration.AuditDatabase> audit) {
        return () -> {
            AuditConfiguration.AuditDatabase database = audit.getIfAvailable();
            if (database == null) {
                return Health.unknown().withDetail("reason", "audit log disabled (bus.audit.enabled=false)").build();
            }
            try (Connection c = database.dataSource().getConnection()) {
                boolean valid = c.isValid((int) PROBE_TIMEOUT.toSeconds());
                return (valid ? Health.up() : Health.down()).withDetail("database", c.getMetaData().getDatabaseProductName())
                        .build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.toString()).build();
            }
        };
    }

    /**
     * Camel is started: part of the readiness group, because the hub and the REST APIs hand work
     * to routes and answer 500 while the routes are not running.
     */
    @Bean
    HealthIndicator camelStartedHealthIndicator(CamelContext camel) {
        return () -> camel.isStarted() ? Health.up().withDetail("routes", camel.getRoutesSize()).build()
                : Health.outOfService().withDetail("status", camel.getStatus().name()).build();
    }
}
