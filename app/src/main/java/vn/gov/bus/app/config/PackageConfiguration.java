package vn.gov.bus.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.bus.core.edxml.EdxmlReader;
import vn.gov.bus.core.edxml.EdxmlWriter;
import vn.gov.bus.core.edxml.PackageRules;
import vn.gov.bus.core.edxml.StatusPackages;
import vn.gov.bus.core.pki.CertificateCheck;
import vn.gov.bus.core.pki.CertificateValidator;
import vn.gov.bus.core.pki.CrlSource;
import vn.gov.bus.core.pki.DevPki;
import vn.gov.bus.core.pki.KeyMaterial;
import vn.gov.bus.core.pki.TrustAnchors;
import vn.gov.bus.core.signing.PackageSigner;
import vn.gov.bus.core.xml.SecureXml;

/** Parsing limits, package rules, the organisation's signing key and the trust anchors. */
@Configuration(proxyBeanMethods = false)
public class PackageConfiguration {

    @Bean
    SecureXml secureXml(BusProperties bus) {
        return new SecureXml(new SecureXml.Limits(bus.limits().maxPackageSize().toBytes(),
                bus.limits().maxXmlDepth()));
    }

    @Bean
    EdxmlReader edxmlReader(SecureXml xml) {
        return new EdxmlReader(xml);
    }

    @Bean
    StatusPackages statusPackages(PackageRules rules) {
        return new StatusPackages(new EdxmlWriter(rules));
    }

    @Bean
    PackageRules packageRules(BusProperties bus) {
        return new PackageRules(bus.limits().maxAttachmentSize().toBytes());
    }

    @Bean
    Pki pki(BusProperties bus) throws IOException {
        BusProperties.Pki pki = bus.pki();
        if (pki.development()) {
            Path dir = bus.dataDir().resolve("pki");
            Files.createDirectories(dir);
            // DevPki itself warns, at every start, that a development PKI is in use.
            DevPki.Result dev = DevPki.loadOrCreate(dir, bus.organisation().name(), bus.organisation().organId());
            return new Pki(dev.key(), dev.anchors());
        }
        KeyMaterial key = KeyMaterial.fromPkcs12(pki.keystore(), chars(pki.keystorePassword()), blankToNull(pki.keyAlias()));
        TrustAnchors anchors = TrustAnchors.fromPkcs12(pki.truststore(), chars(pki.truststorePassword()));
        return new Pki(key, anchors);
    }

    /**
     * Refuses to start with a signing certificate that partners would reject (expired, not chained
     * to a configured anchor, wrong key usage): better no bus than packages nobody can verify.
     */
    @Bean
    PackageSigner packageSigner(Pki pki) {
        CertificateCheck check = new CertificateValidator(pki.anchors(), CrlSource.none())
                .validate(pki.key().chain(), Instant.now());
        if (!check.valid()) {
            throw new IllegalStateException("the organisation's signing certificate "
                    + pki.key().certificate().getSubjectX500Principal() + " is not usable: " + check.reason()
                    + " — " + check.detail());
        }
        return new PackageSigner(pki.key());
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The organisation's key and the anchors that verification trusts. */
    public record Pki(KeyMaterial key, TrustAnchors anchors) {
    }
}
