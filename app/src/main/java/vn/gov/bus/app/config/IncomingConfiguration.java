package vn.gov.bus.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.bus.core.pki.CertificateValidator;
import vn.gov.bus.core.pki.CrlSource;
import vn.gov.bus.core.pki.RefreshingCrlSource;
import vn.gov.bus.core.pki.TrustAnchors;
import vn.gov.bus.core.signing.PackageVerifier;
import vn.gov.bus.core.signing.VerifierPolicy;
import vn.gov.bus.core.state.InboundReceipts;
import vn.gov.bus.core.state.Quarantine;

/** Verification of received packages, their de-duplication and the quarantine of refused ones. */
@Configuration(proxyBeanMethods = false)
public class IncomingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IncomingConfiguration.class);
    private static final Duration CRL_FETCH_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Judges the certificates of everything received (package signatures, S/MIME mails): the
     * anchors the bus's own certificate chains to plus the configured extra ones (partners sign
     * under either Vietnamese root, and test partners under their own), with the configured CRLs.
     */
    @Bean
    CertificateValidator inboundCertificateValidator(PackageConfiguration.Pki pki, BusProperties bus, Clock clock) {
        BusProperties.Pki settings = bus.pki();
        List<X509Certificate> roots = new ArrayList<>(pki.anchors().certificates());
        if (!settings.extraTrustAnchors().isEmpty()) {
            roots.addAll(TrustAnchors.fromPem(settings.extraTrustAnchors().toArray(Path[]::new)).certificates());
        }
        TrustAnchors anchors = TrustAnchors.of(roots);
        List<URI> crlLocations = new ArrayList<>();
        settings.crlFiles().forEach(file -> crlLocations.add(file.toAbsolutePath().toUri()));
        crlLocations.addAll(settings.crlUrls());
        CrlSource crls = crlLocations.isEmpty() ? CrlSource.none()
                : new RefreshingCrlSource(crlLocations, settings.crlRefreshInterval(), CRL_FETCH_TIMEOUT, clock);
        log.info("Received packages are verified against trust anchors {}; revocation: {}; SHA-1 {}",
                anchors.describe(), crlLocations.isEmpty() ? "not checked (no bus.pki.crl-files or crl-urls)"
                        : crls, settings.allowSha1() ? "accepted with a warning" : "refused");
        return new CertificateValidator(anchors, crls);
    }

    @Bean
    PackageVerifier packageVerifier(CertificateValidator inboundCertificateValidator, BusProperties bus) {
        return new PackageVerifier(inboundCertificateValidator, new VerifierPolicy(bus.pki().allowSha1()));
    }

    @Bean
    Quarantine quarantine(JdbcTemplate jdbc) {
        return new Quarantine(jdbc);
    }

    @Bean
    InboundReceipts inboundReceipts(JdbcTemplate jdbc) {
        return new InboundReceipts(jdbc);
    }
}
