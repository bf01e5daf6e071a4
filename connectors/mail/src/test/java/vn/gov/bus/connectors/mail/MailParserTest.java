package vn.gov.bus.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Mails as real clients write them, byte for byte, read by the parser. */
class MailParserTest {

    final MailParser parser = new MailParser(new MailParser.Limits(200_000, 10, 100));

    static final String PDF_B64 = Base64.getEncoder().encodeToString("%PDF-1.7 quyết định\n".getBytes(StandardCharsets.UTF_8));

    static byte[] mail(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void outlookStyleMailWithQEncodedSubjectEncodedWordFileNameAndInlineLogoYieldsOneDocument() {
        byte[] raw = mail("""
                From: =?utf-8?B?VsSDbiB0aMawIFjDoyBUw6JuIELDrG5o?= <VanThu.XaTanBinh@TayNinh.gov.vn>
                To: congvan@tayninh.gov.vn
                Cc: "So Noi vu" <sonoivu@tayninh.gov.vn>
                Subject: =?utf-8?Q?B=C3=A1o_c=C3=A1o_t=C3=ACnh_h=C3=ACnh?=
                 =?utf-8?Q?_th=C3=A1ng_11?=
                Message-ID: <abc.123@tayninh.gov.vn>
                Date: Tue, 24 Nov 2026 08:15:00 +0700
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Kính gửi Văn phòng, xin gửi báo cáo.
                --alt
                Content-Type: text/html; charset=utf-8

                <p>Kính gửi Văn phòng, <img src="cid:logo1"></p>
                --alt--
                --rel
                Content-Type: image/png
                Content-ID: <logo1>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                --outer
                Content-Type: application/pdf; name="=?utf-8?B?QsOhbyBjw6FvIHRow6FuZyAxMS5wZGY=?="
                Content-Disposition: attachment; filename="=?utf-8?B?QsOhbyBjw6FvIHRow6FuZyAxMS5wZGY=?="
                Content-Transfer-Encoding: base64

                %s
                --outer--
                """.formatted(PDF_B64));
        ReceivedMail parsed = parser.parse(raw);
        assertThat(parsed.subject()).isEqualTo("Báo cáo tình hình tháng 11");
        assertThat(parsed.fromAddress()).isEqualTo("vanthu.xatanbinh@tayninh.gov.vn");
        assertThat(parsed.fromName()).isEqualTo("Văn thư Xã Tân Bình");
        assertThat(parsed.recipients()).containsExactly("congvan@tayninh.gov.vn", "sonoivu@tayninh.gov.vn");
        assertThat(parsed.messageId()).isEqualTo("abc.123@tayninh.gov.vn");
        assertThat(parsed.text()).isEqualTo("Kính gửi Văn phòng, xin gửi báo cáo.");
        assertThat(parsed.attachments()).hasSize(2);
        assertThat(parsed.attachments().get(0).inline()).isTrue();
        assertThat(parsed.documents()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Báo cáo tháng 11.pdf");
            assertThat(new String(a.data(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 quyết định\n");
        });
        assertThat(parsed.bounce()).isNull();
        assertThat(parsed.smime().outcome()).isEqualTo(SmimeCheck.Outcome.NOT_SIGNED);
    }

    @Test
    void rfc2231ContinuedFileNameAndAPathInTheNameAreReadAsTheBareRealName() {
        byte[] raw = mail("""
                From: a@b.vn
                To: c@d.vn
                Subject: plain
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/pdf
                Content-Disposition: attachment;
                 filename*0*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh;
                 filename*1*=%20s%E1%BB%91%2012.pdf
                Content-Transfer-Encoding: base64

                PDFDATA
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="..\\\\..\\\\windows\\\\evil.exe"

                AAAA
                --b--
                """.replace("PDFDATA", PDF_B64));
        ReceivedMail parsed = parser.parse(raw);
        assertThat(parsed.documents()).extracting(MailAttachment::name)
                .containsExactly("Quyết định số 12.pdf", "evil.exe");
    }

    @Test
    void attachmentsOfAForwardedMessageAreTakenWithTheForwardingClerksText() {
        byte[] raw = mail("""
                From: chuyentiep@tayninh.gov.vn
                To: congvan@tayninh.gov.vn
                Subject: =?UTF-8?B?RndkOiBDw7RuZyB2xINu?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="fw"

                --fw
                Content-Type: text/plain; charset=UTF-8

                Chuyển tiếp văn bản.
                --fw
                Content-Type: message/rfc822

                From: goc@example.vn
                Subject: original
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="in"

                --in
                Content-Type: text/plain; charset=UTF-8

                Nội dung gốc.
                --in
                Content-Type: application/pdf; name="goc.pdf"
                Content-Transfer-Encoding: base64

                %s
                --in--
                --fw--
                """.formatted(PDF_B64));
        ReceivedMail parsed = parser.parse(raw);
        assertThat(parsed.subject()).isEqualTo("Fwd: Công văn");
        assertThat(parsed.forwarded()).isEqualTo(1);
        assertThat(parsed.documents()).extracting(MailAttachment::name).containsExactly("goc.pdf");
        assertThat(parsed.text()).startsWith("Chuyển tiếp văn bản.").contains("Nội dung gốc.");
    }

    @Test
    void deliveryStatusNotificationIsReadAsAFailedDeliveryNamingTheBusHeadersOfTheOriginal() {
        byte[] raw = mail("""
                From: MAILER-DAEMON@mail.tayninh.gov.vn
                To: congvan@tayninh.gov.vn
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                The mail could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.tayninh.gov.vn

                Final-Recipient: rfc822; khongton@tayninh.gov.vn
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <khongton@tayninh.gov.vn>: User unknown

                --r
                Content-Type: text/rfc822-headers

                Message-ID: <d1.r1@bus.tayninh.gov.vn>
                X-Bus-Document-Id: =?UTF-8?B?MDAwLjAwLjAxLkg1MywyMDI2LzExLzI0LDEyNS9VQk5ELVbEkA==?=
                X-Bus-Sender-Id: 000.00.01.H53
                Subject: whatever
                --r--
                """);
        DeliveryReport report = parser.parse(raw).bounce();
        assertThat(report).isNotNull();
        assertThat(report.failed()).isTrue();
        assertThat(report.status()).isEqualTo("5.1.1");
        assertThat(report.finalRecipient()).isEqualTo("khongton@tayninh.gov.vn");
        assertThat(report.diagnostic()).contains("User unknown");
        assertThat(report.originalMessageId()).isEqualTo("d1.r1@bus.tayninh.gov.vn");
        assertThat(report.originalHeaders()).containsEntry("X-Bus-Document-Id", "000.00.01.H53,2026/11/24,125/UBND-VĐ")
                .containsEntry("X-Bus-Sender-Id", "000.00.01.H53");
    }

    @Test
    void delayedDeliveryReportIsNotAFailure() {
        byte[] raw = mail("""
                From: postmaster@mail.tayninh.gov.vn
                To: congvan@tayninh.gov.vn
                Subject: Delayed
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.tayninh.gov.vn

                Final-Recipient: rfc822; cham@tayninh.gov.vn
                Action: delayed
                Status: 4.4.1

                --r--
                """);
        assertThat(parser.parse(raw).bounce().failed()).isFalse();
    }

    @Test
    void mailOverTheSizeLimitIsRefusedWithItsSizeAndTheLimit() {
        assertThatThrownBy(() -> parser.checkSize(300_000)).isInstanceOf(MailRejectedInputException.class)
                .hasMessage("the mail is 300000 bytes, over the limit of 200000 bytes (bus.mail.incoming.max-size)")
                .extracting(e -> ((MailRejectedInputException) e).code()).isEqualTo("MAIL_TOO_LARGE");
    }

    @Test
    void mimeNestedDeeperThanTheLimitIsRefused() {
        StringBuilder text = new StringBuilder("From: a@b.vn\nSubject: deep\nMIME-Version: 1.0\n");
        int levels = 15;
        for (int i = 0; i < levels; i++) {
            text.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        text.append("Content-Type: text/plain\n\nx\n");
        for (int i = levels - 1; i >= 0; i--) {
            text.append("--b").append(i).append("--\n");
        }
        assertThatThrownBy(() -> parser.parse(mail(text.toString()))).isInstanceOf(MailRejectedInputException.class)
                .hasMessageContaining("nests more than 10 levels");
    }
}
