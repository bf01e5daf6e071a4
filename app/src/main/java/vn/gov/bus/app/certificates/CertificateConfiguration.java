package vn.gov.bus.app.certificates;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.gov.bus.app.config.BusProperties;
import vn.gov.bus.app.config.PackageConfiguration;
import vn.gov.bus.core.pki.DevPki;

/**
 * The certificate inventory behind GET /api/admin/certificates, the {@code certificates} health
 * indicator (WARNING while one expires within bus.pki.expiry-warning, DOWN once one has expired),
 * the {@code bus.certificate.*} gauges and the route that logs a WARN per certificate needing
 * attention at start and every bus.pki.expiry-check-interval.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateProperties.class)
public class CertificateConfiguration {

    static final Status WARNING = new Status("WARNING");

    @Bean
    CertificateInventory certificateInventory(PackageConfiguration.Pki pki, BusProperties bus, Environment env,
                                              CertificateProperties settings, Clock clock) {
        BusProperties.Pki p = bus.pki();
        String keySource = p.development() ? bus.dataDir().resolve("pki").resolve(DevPki.KEYSTORE)
                + " (development PKI)" : p.keystore().toString();
        String anchorSource = p.development() ? bus.dataDir().resolve("pki").resolve(DevPki.TRUSTSTORE)
                + " (development PKI)" : String.valueOf(p.truststore());
        CertificateInventory.TlsKeyStore tls = null;
        String keyStore = env.getProperty("server.ssl.key-store");
        if (keyStore != null && !keyStore.isBlank() && env.getProperty("server.ssl.enabled", Boolean.class, true)) {
            tls = new CertificateInventory.TlsKeyStore(keyStore, env.getProperty("server.ssl.key-store-type"),
                    env.getProperty("server.ssl.key-store-password"));
        }
        return new CertificateInventory(pki.key(), keySource, pki.anchors(), anchorSource, p.extraTrustAnchors(),
                p.crlFiles(), tls, settings, clock);
    }

    @Bean
    HealthIndicator certificatesHealthIndicator(CertificateInventory inventory) {
        return () -> {
            CertificateInventory.Report report = inventory.report();
            boolean expired = report.certificates().stream()
                    .anyMatch(e -> e.status() == CertificateStatus.EXPIRED || e.status() == CertificateStatus.NOT_YET_VALID);
            boolean expiring = report.certificates().stream().anyMatch(e -> e.status() == CertificateStatus.EXPIRING)
                    || report.crls().stream().anyMatch(c -> !"OK".equals(c.status()));
            Health.Builder health = expired ? Health.down() : expiring ? Health.status(WARNING) : Health.up();
            long soonest = report.certificates().stream().mapToLong(CertificateEntry::daysLeft).min().orElse(0);
            health.withDetail("warningDays", report.warningDays()).withDetail("soonestExpiryDays", soonest);
            report.certificates().stream().filter(CertificateEntry::needsAttention).forEach(e -> health.withDetail(
                    e.role() + " " + e.serial(), e.status() + ", " + e.daysLeft() + " days left: " + e.subject()));
            return health.build();
        };
    }

    /**
     * {@code bus.certificate.days.left} and {@code bus.certificate.warning} (1 when EXPIRING or
     * EXPIRED) per certificate, tagged role, serial and subject; read from the inventory at scrape.
     */
    @Bean
    MeterBinder certificateMetrics(CertificateInventory inventory) {
        return registry -> {
            for (CertificateEntry e : inventory.report().certificates()) {
                String[] tags = {"role", e.role(), "serial", e.serial(), "subject", e.subject()};
                Gauge.builder("bus.certificate.days.left", inventory, i -> find(i, e).map(x -> (double) x.daysLeft())
                        .orElse(Double.NaN)).tags(tags).description("whole days until the certificate expires")
                        .register(registry);
                Gauge.builder("bus.certificate.warning", inventory, i -> find(i, e).map(x -> x.needsAttention() ? 1.0 : 0.0)
                        .orElse(Double.NaN)).tags(tags).description("1 when expiring within bus.pki.expiry-warning or expired")
                        .register(registry);
            }
        };
    }

    private static java.util.Optional<CertificateEntry> find(CertificateInventory inventory, CertificateEntry e) {
        return inventory.report().certificates().stream()
                .filter(x -> x.role().equals(e.role()) && x.serial().equals(e.serial()) && x.subject().equals(e.subject()))
                .findFirst();
    }

    @Bean
    RouteBuilder certificateExpiryCheckRoute(CertificateInventory inventory) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:certificate-expiry-check?delay=0&period={{bus.pki.expiry-check-interval:12h}}")
                        .routeId("certificate-expiry-check")
                        .process(exchange -> inventory.logWarnings());
            }
        };
    }
}
