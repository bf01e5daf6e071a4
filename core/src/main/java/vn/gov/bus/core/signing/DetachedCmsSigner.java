package vn.gov.bus.core.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Objects;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.gov.bus.core.pki.KeyMaterial;

/**
 * Signs files the bus hands to people and partners (reconciliation reports, confirmations) with
 * a detached CMS signature ({@code .p7s}, DER): the file stays readable as it is, in a
 * spreadsheet or an editor, and anyone can check it with standard tools
 * ({@code openssl cms -verify -binary -inform DER -in report.csv.p7s -content report.csv -CAfile root.pem}).
 * The whole certificate chain of the organisation's key is embedded; the content is streamed
 * from disk, so the file's size does not matter.
 */
public final class DetachedCmsSigner {

    private final KeyMaterial key;

    public DetachedCmsSigner(KeyMaterial key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The DER encoding of a CMS SignedData over the file's bytes, without the content. */
    public byte[] sign(Path content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableFile(content.toFile()), false);
            return signed.getEncoded();
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new SigningException("cannot sign " + content.getFileName() + " (CMS): " + e.getMessage(), e);
        }
    }
}
