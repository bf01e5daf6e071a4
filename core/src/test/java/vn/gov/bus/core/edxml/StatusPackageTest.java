package vn.gov.bus.core.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53_OFFICE;
import static vn.gov.bus.core.edxml.EdxmlFixtures.SENT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Status packages: header only, one per business status code. */
class StatusPackageTest {

    private static final String ORIGINAL = H53 + ",2025/03/12,125/UBND-VP";

    private final EdxmlReader reader = EdxmlFixtures.reader();
    private final PackageRules rules = new PackageRules();

    @ParameterizedTest
    @ValueSource(strings = {"01", "02", "03", "04", "05", "06", "13", "15", "16"})
    void readsEveryDocumentedStatusCode(String code) {
        EdocPackage p = reader.read(statusFromRecipient(code).build());

        assertThat(p.kind()).isEqualTo(EdocPackage.Kind.STATUS);
        assertThat(p.statusCode()).isEqualTo(code);
        assertThat(StatusCodes.known(code)).isTrue();
        assertThat(p.statusDescription()).isNotBlank();
        assertThat(p.respondedDocumentId()).isEqualTo(ORIGINAL);
        assertThat(p.respondedOrganId()).isEqualTo(H53);
        assertThat(p.respondedCode()).isEqualTo("125/UBND-VP");
        assertThat(p.statusTimestamp()).contains(SENT);
        assertThat(rules.check(p)).isEmpty();
    }

    @Test
    void keepsUndocumentedStatusCodeAsItIs() {
        EdocPackage p = reader.read(statusFromRecipient("09").description("Trạng thái nội bộ").build());

        assertThat(p.kind()).isEqualTo(EdocPackage.Kind.STATUS);
        assertThat(p.statusCode()).isEqualTo("09");
        assertThat(StatusCodes.known("09")).isFalse();
        assertThat(StatusCodes.meaning("09")).isEmpty();
        assertThat(p.statusDescription()).isEqualTo("Trạng thái nội bộ");
        assertThat(rules.check(p)).isEmpty();
    }

    @Test
    void statusPackageHasHeaderOnly() {
        EdocPackage p = reader.read(statusFromRecipient("03").staff("Văn phòng", "Phạm Thị Lan").build());

        assertThat(p.attachments()).isEmpty();
        assertThat(p.references()).isEmpty();
        assertThat(p.traces()).isEmpty();
        assertThat(p.edxml().getAttachmentEncoded()).isNull();
        assertThat(p.edxml().getEdXMLEnvelope().getEdXMLBody()).isNull();
        assertThat(p.messageHeader().getStaffInfo().getStaff()).isEqualTo("Phạm Thị Lan");
        assertThat(p.fromOrganId()).isEqualTo(H53_OFFICE);
    }

    @Test
    void takeBackRequestComesFromTheSender() {
        EdocPackage p = reader.read(SamplePackages.status().from(H53)
                .responseFor(H53, "125/UBND-VP", LocalDate.of(2025, 3, 12), ORIGINAL)
                .statusCode(StatusCodes.TAKE_BACK_REQUESTED)
                .description("Đề nghị lấy lại văn bản do sai sót về thể thức")
                .build());

        assertThat(p.statusCode()).isEqualTo("13");
        assertThat(p.fromOrganId()).isEqualTo(p.respondedOrganId());
        assertThat(StatusCodes.meaning("13")).contains("sender asks to take the document back");
    }

    @Test
    void readsStatusTimestampInIsoForm() {
        String xml = """
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader><MessageHeader>
                <From><OrganId>000.00.01.H53</OrganId></From>
                <ResponseFor><OrganId>000.00.00.H53</OrganId><DocumentId>%s</DocumentId></ResponseFor>
                <StatusCode>05</StatusCode><Timestamp>2025-03-12T09:30:00</Timestamp>
                </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>""".formatted(ORIGINAL);

        EdocPackage p = reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(p.statusTimestamp()).contains(Instant.parse("2025-03-12T02:30:00Z"));
        assertThat(rules.check(p)).isEmpty();
    }

    private static SamplePackages.StatusBuilder statusFromRecipient(String code) {
        return SamplePackages.status().from(H53_OFFICE).at(SENT)
                .responseFor(H53, "125/UBND-VP", LocalDate.of(2025, 3, 12), ORIGINAL)
                .statusCode(code);
    }
}
