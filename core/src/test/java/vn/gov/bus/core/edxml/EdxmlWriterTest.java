package vn.gov.bus.core.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53_OFFICE;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import vn.gov.bus.schemas.edxml.Edxml;
import vn.gov.bus.schemas.edxml.MessageHeader;

/** The writer is strict: it refuses what the schema or the package rules refuse, naming field and rule. */
class EdxmlWriterTest {

    private final EdxmlWriter writer = new EdxmlWriter();

    @Test
    void writtenPackagesValidateAgainstTheSchemaOnTheClasspath() throws Exception {
        byte[] edoc = SamplePackages.edoc(writer).from(H53).to(H53_OFFICE).build();
        byte[] status = SamplePackages.status(writer).from(H53_OFFICE)
                .responseFor(H53, "125/UBND-VP", LocalDate.of(2025, 3, 12), H53 + ",2025/03/12,125/UBND-VP")
                .build();

        var validator = writer.schema().newValidator();
        assertThatCode(() -> validator.validate(new StreamSource(new ByteArrayInputStream(edoc))))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(new StreamSource(new ByteArrayInputStream(status))))
                .doesNotThrowAnyException();
        assertThat(getClass().getClassLoader().getResource(EdxmlWriter.SCHEMA_RESOURCE)).isNotNull();
    }

    @Test
    void refusesEdocWithoutRecipient() {
        assertRefused(root -> header(root).getTo().clear(), "MessageHeader/To", "required");
    }

    @Test
    void refusesTooLongSubject() {
        assertRefused(root -> header(root).setSubject("Về việc ".repeat(70)), "MessageHeader/Subject", "max-length-500");
    }

    @Test
    void refusesIsoDateThatTheReaderWouldTolerate() {
        assertRefused(root -> header(root).setDueDate("2025-04-30"), "MessageHeader/DueDate", "format");
    }

    @Test
    void refusesStatusCodeOfOneDigit() {
        Edxml root = SamplePackages.status().from(H53_OFFICE)
                .responseFor(H53, "125/UBND-VP", LocalDate.of(2025, 3, 12), H53 + ",2025/03/12,125/UBND-VP")
                .statusCode("3").toEdxml();

        assertThatThrownBy(() -> writer.write(root)).isInstanceOfSatisfying(EdxmlException.class, e -> {
            assertThat(e.field()).isEqualTo("MessageHeader/StatusCode");
            assertThat(e.rule()).isEqualTo("format");
        });
    }

    @Test
    void refusesTraceHeaderWithoutTimestampThroughTheSchema() {
        assertRefused(root -> root.getEdXMLEnvelope().getEdXMLHeader().getTraceHeaderList().getTraceHeader().get(0)
                .setTimestamp(null), "TraceHeaderList/TraceHeader[1]", "required");
    }

    @Test
    void refusesAttachmentThatIsNotBase64() {
        assertRefused(root -> root.getAttachmentEncoded().getAttachment().get(0).setContentTransferEncoded("%PDF-1.4"),
                "AttachmentEncoded/Attachment[1]/ContentTransferEncoded", "base64");
    }

    @Test
    void namesEveryViolationInTheMessage() {
        Edxml root = sample();
        header(root).setSubject(null);
        header(root).getTo().clear();

        assertThatThrownBy(() -> writer.write(root)).isInstanceOf(EdxmlException.class)
                .hasMessageContaining("2 violations")
                .hasMessageContaining("MessageHeader/To [required]")
                .hasMessageContaining("MessageHeader/Subject [required]");
    }

    @Test
    void doesNotChangeTheModelItWrites() {
        Edxml root = sample();
        String decomposed = java.text.Normalizer.normalize("Trích yếu", java.text.Normalizer.Form.NFD);
        header(root).setSubject(decomposed);

        writer.write(root);

        assertThat(header(root).getSubject()).isEqualTo(decomposed);
    }

    private void assertRefused(Consumer<Edxml> change, String field, String rule) {
        Edxml root = sample();
        change.accept(root);

        assertThatThrownBy(() -> writer.write(root)).isInstanceOfSatisfying(EdxmlException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    private static Edxml sample() {
        return SamplePackages.edoc().from(H53).to(H53_OFFICE).toEdxml();
    }

    private static MessageHeader header(Edxml root) {
        return root.getEdXMLEnvelope().getEdXMLHeader().getMessageHeader();
    }
}
