package vn.gov.bus.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailComposerTest {

    static final TestKeys KEYS = new TestKeys();
    static final byte[] PDF = "%PDF-1.4 công văn số 125\n%%EOF".getBytes(StandardCharsets.UTF_8);
    static final byte[] PACKAGE = "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>".getBytes(StandardCharsets.UTF_8);

    final MailComposer composer = new MailComposer(KEYS.signer());
    final MailParser parser = new MailParser(new MailParser.Limits(10_000_000, 20, 200));

    static OfficialMail mail(String subject, String fileName) {
        return new OfficialMail("doc-1.000.00.07.H53@bus.tayninh.gov.vn", "vanthu@tayninh.gov.vn",
                "Ủy ban nhân dân tỉnh Tây Ninh", "xa-tan-binh@tayninh.gov.vn", "UBND xã Tân Bình", subject,
                "Kính gửi: UBND xã Tân Bình\nNgày ban hành: 24/11/2026", Instant.parse("2026-11-24T03:00:00Z"),
                List.of(MailAttachment.of(fileName, "application/pdf", PDF),
                        MailAttachment.of("goi-tin.edxml", "application/xml", PACKAGE)),
                Map.of("X-Bus-Document-Id", "000.00.01.H53,2026/11/24,125/UBND-VP", "X-Bus-Sender-Id", "000.00.01.H53"));
    }

    @Test
    void vietnameseSubjectAndFileNamesAreEncodedPerRfc2047And2231AndComeBackIntact() throws Exception {
        String subject = "[125/UBND-VP] Về việc triển khai thư điện tử công vụ năm 2026";
        byte[] raw = bytes(composer.compose(mail(subject, "Công văn số 125 – UBND tỉnh.pdf")));
        String wire = new String(raw, StandardCharsets.US_ASCII);

        assertThat(wire).containsPattern("Subject: =\\?UTF-8\\?[BQ]\\?");
        assertThat(wire).contains("filename*=UTF-8''C%C3%B4ng%20v%C4%83n");
        assertThat(wire).doesNotContain("Về việc");
        ReceivedMail parsed = parser.parse(raw);
        assertThat(parsed.subject()).isEqualTo(subject);
        assertThat(parsed.fromName()).isEqualTo("Ủy ban nhân dân tỉnh Tây Ninh");
        assertThat(parsed.text()).contains("Ngày ban hành: 24/11/2026");
        assertThat(parsed.documents()).extracting(MailAttachment::name)
                .containsExactly("Công văn số 125 – UBND tỉnh.pdf", "goi-tin.edxml");
        assertThat(parsed.documents().get(0).data()).isEqualTo(PDF);
        assertThat(parsed.documents().get(1).data()).isEqualTo(PACKAGE);
        assertThat(parsed.messageId()).isEqualTo("doc-1.000.00.07.H53@bus.tayninh.gov.vn");
    }

    @Test
    void mailIsSmimeSignedWithTheOrganisationCertificateAndVerifiesWithBouncyCastle() throws Exception {
        MimeMessage message = composer.compose(mail("[125/UBND-VP] Chữ ký số", "a.pdf"));
        // what the recipient sees after transport, not the object in memory
        MimeMessage received = new MimeMessage(null, new java.io.ByteArrayInputStream(bytes(message)));
        assertThat(received.isMimeType("multipart/signed")).isTrue();
        assertThat(received.getContentType()).contains("application/pkcs7-signature").contains("sha-256");
        SmimeCheck check = new SmimeVerifier().verify((MimeMultipart) received.getContent());
        assertThat(check.outcome()).as(check.reason()).isEqualTo(SmimeCheck.Outcome.INTACT);
        assertThat(check.signer()).isEqualTo(KEYS.org);
        assertThat(parser.parse(bytes(message)).smime().outcome()).isEqualTo(SmimeCheck.Outcome.INTACT);
    }

    @Test
    void oneChangedByteOfTheAttachmentBreaksTheSmimeSignature() throws Exception {
        String wire = new String(bytes(composer.compose(mail("[1/X] Toàn vẹn", "a.pdf"))), StandardCharsets.US_ASCII);
        String encodedPdf = Base64.getMimeEncoder().encodeToString(PDF);
        String tamperedPdf = Base64.getMimeEncoder().encodeToString(
                "%PDF-1.4 công văn số 126\n%%EOF".getBytes(StandardCharsets.UTF_8));
        assertThat(wire).contains(encodedPdf);
        byte[] tampered = wire.replace(encodedPdf, tamperedPdf).getBytes(StandardCharsets.US_ASCII);
        SmimeCheck check = parser.parse(tampered).smime();
        assertThat(check.outcome()).isEqualTo(SmimeCheck.Outcome.BROKEN);
        assertThat(check.reason()).contains("does not");
    }

    @Test
    void signatureVerifiesWithOpensslSmimeWhenOpensslIsInstalled(@TempDir Path dir) throws Exception {
        assumeThat(Path.of("/usr/bin/openssl")).exists();
        Path mailFile = Files.write(dir.resolve("mail.eml"), bytes(composer.compose(mail("[1/X] openssl", "a.pdf"))));
        Path rootFile = Files.writeString(dir.resolve("root.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.root.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Process openssl = new ProcessBuilder("/usr/bin/openssl", "smime", "-verify", "-in", mailFile.toString(),
                "-CAfile", rootFile.toString(), "-purpose", "any", "-out", dir.resolve("content.txt").toString())
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.exitValue()).as(output).isZero();
        assertThat(output).contains("Verification successful");
    }

    @Test
    void lineBreakInTheSubjectIsRefusedAsHeaderInjection() {
        assertThatThrownBy(() -> composer.compose(mail("[1/X] Trích yếu\r\nBcc: attacker@example.org", "a.pdf")))
                .isInstanceOf(MailHeaderInjectionException.class)
                .hasMessageContaining("Subject contains a line break (CR at position 15)");
    }

    @Test
    void lineBreakInAFileNameOrADisplayNameOrABusHeaderIsRefusedAsHeaderInjection() {
        assertThatThrownBy(() -> composer.compose(mail("[1/X] Tệp", "a.pdf\nContent-Type: text/html")))
                .isInstanceOf(MailHeaderInjectionException.class)
                .hasMessageContaining("file name of attachment 1 contains a line break (LF");
        OfficialMail badName = new OfficialMail("id@bus", "a@b.vn", "Sở\r\nBcc: x@y", "c@d.vn", "Xã", "s", "b",
                Instant.now(), List.of(), Map.of());
        assertThatThrownBy(() -> composer.compose(badName)).isInstanceOf(MailHeaderInjectionException.class)
                .hasMessageContaining("From name contains a line break");
        OfficialMail badHeader = new OfficialMail("id@bus", "a@b.vn", "Sở", "c@d.vn", "Xã", "s", "b",
                Instant.now(), List.of(), Map.of("X-Bus-Document-Id", "abc\u0000def"));
        assertThatThrownBy(() -> composer.compose(badHeader)).isInstanceOf(MailHeaderInjectionException.class)
                .hasMessageContaining("X-Bus-Document-Id contains the control character U+0000");
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
