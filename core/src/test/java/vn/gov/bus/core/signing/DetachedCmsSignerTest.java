package vn.gov.bus.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bus.core.pki.DevPki;

class DetachedCmsSignerTest {

    @TempDir
    Path dir;

    @Test
    void detachedSignatureVerifiesWithBouncyCastleAndWithOpensslAgainstTheRoot() throws Exception {
        DevPki.Result pki = DevPki.loadOrCreate(dir.resolve("pki"), "Ủy ban nhân dân tỉnh Tây Ninh", "000.00.00.H53");
        Path report = dir.resolve("doi-soat.csv");
        Files.writeString(report, "\uFEFFLoại sai lệch,Mã hồ sơ\r\nThanh toán trùng,000.05.H53-261201-0000001\r\n",
                StandardCharsets.UTF_8);
        Path p7s = dir.resolve("doi-soat.csv.p7s");
        Files.write(p7s, new DetachedCmsSigner(pki.key()).sign(report));

        CMSSignedData signed = new CMSSignedData(new CMSProcessableFile(report.toFile()), Files.readAllBytes(p7s));
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder cert = (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID())
                .iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();

        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Process p = new ProcessBuilder("/usr/bin/openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
                "-content", report.toString(), "-CAfile", dir.resolve("pki/root-ca.pem").toString(), "-out", "/dev/null")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Verification successful");

        // one changed byte and openssl refuses
        Files.writeString(report, "tampered", StandardCharsets.UTF_8);
        Process q = new ProcessBuilder("/usr/bin/openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
                "-content", report.toString(), "-CAfile", dir.resolve("pki/root-ca.pem").toString(), "-out", "/dev/null")
                .redirectErrorStream(true).start();
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isNotZero();
    }
}
