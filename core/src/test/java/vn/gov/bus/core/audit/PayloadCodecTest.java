package vn.gov.bus.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Payload encodings: every one gives back the exact bytes; attachments become segments, XML is compressed. */
class PayloadCodecTest {

    private static String base64(int bytes, long seed, boolean mime) {
        byte[] b = new byte[bytes];
        new Random(seed).nextBytes(b);
        return mime ? Base64.getMimeEncoder().encodeToString(b) : Base64.getEncoder().encodeToString(b);
    }

    private static byte[] roundTrip(byte[] payload) {
        PayloadCodec.Encoded e = PayloadCodec.encode(payload);
        return PayloadCodec.SEGMENTS.equals(e.compression())
                ? PayloadCodec.join(e.content(), payload.length, e.segments())
                : PayloadCodec.decode(e.compression(), e.content(), payload.length);
    }

    @Test
    void aPackageWithTwoAttachmentsBecomesTwoSegmentsAndACompressedSkeletonAndReadsBackExactly() {
        String first = base64(100_000, 1, true);
        String second = base64(30_000, 2, false);
        byte[] pkg = ("<?xml version=\"1.0\"?><edXML><Trích_yếu>Văn bản số 12/UBND</Trích_yếu><A>" + first
                + "</A><B>" + second + "</B><Short>" + base64(600, 3, false) + "</Short></edXML>")
                .getBytes(StandardCharsets.UTF_8);
        PayloadCodec.Encoded e = PayloadCodec.encode(pkg);
        assertThat(e.compression()).isEqualTo(PayloadCodec.SEGMENTS);
        assertThat(e.segments()).extracting(s -> s.bytes().length).containsExactly(first.length(), second.length());
        assertThat(e.content().length).isLessThan(1_500);
        assertThat(roundTrip(pkg)).isEqualTo(pkg);
    }

    @Test
    void aPayloadThatIsOneAttachmentFromItsFirstToItsLastByteReadsBackExactly() {
        byte[] pkg = base64(40_000, 4, true).getBytes(StandardCharsets.US_ASCII);
        PayloadCodec.Encoded e = PayloadCodec.encode(pkg);
        assertThat(e.segments()).hasSize(1);
        assertThat(e.segments().get(0).offset()).isZero();
        assertThat(roundTrip(pkg)).isEqualTo(pkg);
    }

    @Test
    void xmlWithoutAttachmentsIsCompressedAndRandomBytesAreStoredAsTheyAre() {
        byte[] xml = ("<edXML>" + "<Dòng>Văn bản gửi năm mươi cơ quan.</Dòng>".repeat(5000) + "</edXML>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PayloadCodec.encode(xml).compression()).isEqualTo(PayloadCodec.DEFLATE);
        assertThat(roundTrip(xml)).isEqualTo(xml);
        byte[] random = new byte[200_000];
        new Random(5).nextBytes(random);
        PayloadCodec.Encoded e = PayloadCodec.encode(random);
        assertThat(e.compression()).isEqualTo(PayloadCodec.NONE);
        assertThat(roundTrip(random)).isEqualTo(random);
        byte[] small = new byte[1000];
        new Random(6).nextBytes(small);
        assertThat(roundTrip(small)).isEqualTo(small);
        assertThat(roundTrip(new byte[0])).isEmpty();
    }
}
