package vn.gov.bus.core.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Agency codes, DocumentIds, dates and content ids as the regulation and real producers write them. */
class EdxmlValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"000.00.00.G22", "000.00.00.H53", "000.00.01.H53", "000.12.31.H53"})
    void agencyCodesOfTheRegulationConform(String code) {
        assertThat(AgencyCodes.conforms(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.010.01.H22", "00.53.W00", "000.00.00.h53", "000.00.00.H5", " 000.00.00.H53", ""})
    void agencyCodesOutsideTheShapeDoNotConform(String code) {
        assertThat(AgencyCodes.conforms(code)).isFalse();
    }

    @Test
    void nullAgencyCodeDoesNotConform() {
        assertThat(AgencyCodes.conforms(null)).isFalse();
    }

    @Test
    void documentIdFollowsTheConventionOrIsAUuid() {
        assertThat(DocumentIds.conventional("000.00.00.G22", LocalDate.of(2015, 9, 30), "7816", "VPCP-TTĐT"))
                .isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
        assertThat(DocumentIds.wellFormed("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")).isTrue();
        assertThat(DocumentIds.wellFormed("d7a4c1a2-5e7b-4f0e-9d8c-3b2a1f0e9d8c")).isTrue();
        assertThat(DocumentIds.wellFormed("000.00.00.G22,2015-09-30,7816/VPCP-TTĐT")).isFalse();
        assertThat(DocumentIds.wellFormed("000.00.00.G22,2015/09/30,7816")).isFalse();
        assertThat(DocumentIds.wellFormed(null)).isFalse();
    }

    @Test
    void parsesRegulationAndIsoDates() {
        assertThat(EdxmlDates.parseDate("2015/09/30")).isEqualTo(LocalDate.of(2015, 9, 30));
        assertThat(EdxmlDates.parseDate(" 2015-09-30 ")).isEqualTo(LocalDate.of(2015, 9, 30));
        assertThat(EdxmlDates.parseDate("2015/09/30 23:30:00")).isEqualTo(LocalDate.of(2015, 9, 30));
        assertThatThrownBy(() -> EdxmlDates.parseDate("2015/02/30")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EdxmlDates.parseDate("30/09/2015")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void parsesTimestampsAsVietnamLocalTimeUnlessAnOffsetIsGiven() {
        Instant expected = Instant.parse("2015-09-30T03:15:00Z");
        assertThat(EdxmlDates.parseTimestamp("2015/09/30 10:15:00")).isEqualTo(expected);
        assertThat(EdxmlDates.parseTimestamp("2015-09-30T10:15:00")).isEqualTo(expected);
        assertThat(EdxmlDates.parseTimestamp("2015-09-30T03:15:00Z")).isEqualTo(expected);
        assertThat(EdxmlDates.parseTimestamp("2015-09-30T10:15:00+07:00")).isEqualTo(expected);
        assertThat(EdxmlDates.formatTimestamp(expected)).isEqualTo("2015/09/30 10:15:00");
        assertThat(EdxmlDates.formatDate(LocalDate.of(2015, 9, 3))).isEqualTo("2015/09/03");
    }

    @Test
    void contentIdsAreComparedWithoutCidPrefixOrBrackets() {
        assertThat(EdocAttachment.normaliseContentId("cid:abc@gov.vn")).isEqualTo("abc@gov.vn");
        assertThat(EdocAttachment.normaliseContentId("CID:abc@gov.vn")).isEqualTo("abc@gov.vn");
        assertThat(EdocAttachment.normaliseContentId("<abc@gov.vn>")).isEqualTo("abc@gov.vn");
        assertThat(EdocAttachment.normaliseContentId(" abc@gov.vn ")).isEqualTo("abc@gov.vn");
        assertThat(EdocAttachment.normaliseContentId("cid:")).isNull();
    }

    @Test
    void computesDecodedSizeWithoutDecoding() {
        EdocAttachment padded = new EdocAttachment(1, "a", "a.txt", null, "text/plain", "YWJj\nZA==");
        EdocAttachment unpadded = new EdocAttachment(1, "a", "a.txt", null, "text/plain", "YWJjZGU");

        assertThat(padded.size()).isEqualTo(4).isEqualTo(padded.data().length);
        assertThat(unpadded.size()).isEqualTo(5).isEqualTo(unpadded.data().length);
    }
}
