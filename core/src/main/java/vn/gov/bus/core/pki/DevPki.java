package vn.gov.bus.core.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development PKI the bus creates at first start when no key store is configured, so that
 * it can sign and verify packages out of the box: a root CA, an intermediate CA and the
 * organisation's signing certificate. No partner trusts it; production must configure a key
 * issued under one of the national roots.
 */
public final class DevPki {

    private static final Logger LOG = LoggerFactory.getLogger(DevPki.class);

    public static final String KEYSTORE = "organisation.p12";
    public static final String TRUSTSTORE = "truststore.p12";
    public static final String PASSWORD_FILE = "keystore.password";
    public static final String KEY_ALIAS = "organisation";
    static final String ROOT_PEM = "root-ca.pem";
    static final String INTERMEDIATE_PEM = "intermediate-ca.pem";
    static final String ORGANISATION_PEM = "organisation.pem";
    static final String README = "README.txt";

    /** What {@link #loadOrCreate} found or made. */
    public record Result(KeyMaterial key, TrustAnchors anchors, Path keystore, Path truststore, Path passwordFile,
                         boolean created) {
    }

    private DevPki() {
    }

    /**
     * Loads the development PKI from {@code dir}, or generates it there when the directory holds
     * none. A directory holding only part of it is an error rather than something to overwrite.
     */
    public static Result loadOrCreate(Path dir, String organisationName, String organId) {
        requireText(organisationName, "organisationName");
        requireText(organId, "organId");
        Path keystore = dir.resolve(KEYSTORE);
        Path truststore = dir.resolve(TRUSTSTORE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        List<Path> required = List.of(keystore, truststore, passwordFile);
        long present = required.stream().filter(Files::exists).count();
        Result result;
        if (present == required.size()) {
            char[] password = readPassword(passwordFile);
            result = new Result(KeyMaterial.fromPkcs12(keystore, password, KEY_ALIAS),
                    TrustAnchors.fromPkcs12(truststore, password), keystore, truststore, passwordFile, false);
        } else if (present == 0) {
            result = create(dir, organisationName, organId, keystore, truststore, passwordFile);
        } else {
            throw new PkiException("development PKI in " + dir + " is incomplete: expected " + KEYSTORE + ", "
                    + TRUSTSTORE + " and " + PASSWORD_FILE + "; delete the directory to have a new one generated");
        }
        LOG.warn("DEVELOPMENT PKI in use ({}{}): packages are signed by '{}', a certificate no partner trusts. "
                        + "Configure a key store issued under a national root CA for production.",
                result.created() ? "generated in " : "loaded from ", dir,
                result.key().certificate().getSubjectX500Principal().getName());
        return result;
    }

    private static Result create(Path dir, String organisationName, String organId, Path keystore,
                                 Path truststore, Path passwordFile) {
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofHours(1));
        DevCertificateAuthority root = DevCertificateAuthority.newRoot(
                "DEV Root CA - " + organisationName, 3072, from, now.plus(Duration.ofDays(3650)));
        DevCertificateAuthority intermediate = root.newIntermediate(
                "DEV Issuing CA - " + organisationName, 3072, from, now.plus(Duration.ofDays(5 * 365)));
        KeyMaterial key = intermediate.issue(new DevCertificateAuthority.EndEntity(organisationName, organId,
                organisationName, 2048, from, now.plus(Duration.ofDays(2 * 365)),
                EnumSet.of(DevCertificateAuthority.Usage.DIGITAL_SIGNATURE,
                        DevCertificateAuthority.Usage.NON_REPUDIATION)));

        char[] password = randomPassword();
        try {
            Files.createDirectories(dir);
            writePrivate(passwordFile, new String(password));
            KeyStore keys = Pkcs12Files.empty();
            keys.setKeyEntry(KEY_ALIAS, key.privateKey(), password, key.chain().toArray(new Certificate[0]));
            Pkcs12Files.store(keys, keystore, password);
            restrict(keystore);
            KeyStore trust = Pkcs12Files.empty();
            trust.setCertificateEntry("dev-root-ca", root.certificate());
            Pkcs12Files.store(trust, truststore, password);
            Files.writeString(dir.resolve(ROOT_PEM), pem(root.certificate()), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(INTERMEDIATE_PEM), pem(intermediate.certificate()),
                    StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(ORGANISATION_PEM), pem(key.certificate()), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(README), readme(organisationName, organId), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PkiException("cannot write development PKI to " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot build development key store: " + e.getMessage(), e);
        }
        return new Result(key, TrustAnchors.of(root.certificate()), keystore, truststore, passwordFile, true);
    }

    private static String readme(String organisationName, String organId) {
        return """
                THIS IS A DEVELOPMENT PKI. DO NOT USE IT IN PRODUCTION.

                The integration bus generated these files because no key store was configured.
                Packages signed with this key are trusted by no partner.

                  %s   signing key of "%s" (%s) with its chain (alias "%s")
                  %s   trust store holding only the development root CA
                  %s   password of both PKCS#12 files (keep it private)
                  %s, %s, %s   the certificates in PEM

                The root and intermediate CA private keys were discarded after issuing.
                Delete this directory to have a new development PKI generated at next start.
                For production, configure a signing certificate issued under the government
                specialised root or the Vietnam National Root CA, and those roots as trust anchors.
                """.formatted(KEYSTORE, organisationName, organId, KEY_ALIAS, TRUSTSTORE, PASSWORD_FILE,
                ROOT_PEM, INTERMEDIATE_PEM, ORGANISATION_PEM);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static char[] readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new PkiException(file + ": cannot read key store password: " + e.getMessage(), e);
        }
    }

    /** Creates the file readable by its owner only (mode 600) where the file system has POSIX permissions. */
    private static void writePrivate(Path file, String content) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file,
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for the development certificate subject");
        }
    }
}
