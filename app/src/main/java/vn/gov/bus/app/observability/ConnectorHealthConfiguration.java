package vn.gov.bus.app.observability;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.gov.bus.app.config.AuditConfiguration;
import vn.gov.bus.app.config.BusProperties;
import vn.gov.bus.connectors.mail.ImapMailbox;
import vn.gov.bus.connectors.mail.SmtpMailSender;
import vn.gov.bus.connectors.registry.RegistryEndpoints;

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
    HealthIndicator axisHealthIndicator(BusProperties bus) {
        return Reachability.http(() -> bus.axis().endpoint(), PROBE_TIMEOUT);
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
    HealthIndicator registryHealthIndicator(@Qualifier(RegistryEndpoints.BEAN_NAME) ObjectProvider<CxfEndpoint> registry) {
        return Reachability.http(() -> {
            CxfEndpoint endpoint = registry.getIfAvailable();
            return endpoint == null ? null : URI.create(endpoint.getAddress() + "?wsdl");
        }, PROBE_TIMEOUT);
    }

    @Bean
    HealthIndicator sftpHealthIndicator(Environment env) {
        return Reachability.tcp(() -> feedsEnabled(env) ? env.getProperty("bus.feeds.sftp.host") : null,
                () -> env.getProperty("bus.feeds.sftp.port", Integer.class), PROBE_TIMEOUT);
    }

    @Bean
    HealthIndicator ftpHealthIndicator(Environment env) {
        return Reachability.tcp(() -> feedsEnabled(env) ? env.getProperty("bus.feeds.ftp.host") : null,
                () -> env.getProperty("bus.feeds.ftp.port", Integer.class), PROBE_TIMEOUT);
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
