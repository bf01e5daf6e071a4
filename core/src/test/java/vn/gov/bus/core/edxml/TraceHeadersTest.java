package vn.gov.bus.core.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53;
import static vn.gov.bus.core.edxml.EdxmlFixtures.H53_OFFICE;
import static vn.gov.bus.core.edxml.EdxmlFixtures.SENT;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Every hop appends one TraceHeader and changes nothing else. */
class TraceHeadersTest {

    private static final String PROVINCIAL_HUB = "000.00.00.H53";

    private final EdxmlReader reader = EdxmlFixtures.reader();

    @Test
    void appendsOneTraceAndKeepsEverythingElseIntact() {
        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE).at(SENT.minusSeconds(60)).build());
        String before = EdxmlFixtures.utf8(p.toBytes());

        TraceHeaders.append(p.dom(), PROVINCIAL_HUB, SENT);

        String after = EdxmlFixtures.utf8(p.toBytes());
        String added = "<edXML:TraceHeader><edXML:OrganId>" + PROVINCIAL_HUB + "</edXML:OrganId>"
                + "<edXML:Timestamp>2025/03/12 09:30:00</edXML:Timestamp></edXML:TraceHeader>";
        assertThat(after).contains(added);
        assertThat(after.replace(added, "")).isEqualTo(before);
        assertThat(reader.read(p.toBytes()).traces()).containsExactly(
                new EdocPackage.Trace(H53, "2025/03/12 09:29:00"),
                new EdocPackage.Trace(PROVINCIAL_HUB, "2025/03/12 09:30:00"));
    }

    @Test
    void stampsTheTimeInVietnamLocalTime() {
        EdocPackage p = reader.read(SamplePackages.edoc().from(H53).to(H53_OFFICE).build());

        Element trace = TraceHeaders.append(p.dom(), PROVINCIAL_HUB, java.time.Instant.parse("2025-12-31T17:00:01Z"));

        assertThat(trace.getLastChild().getTextContent()).isEqualTo("2026/01/01 00:00:01");
    }

    @Test
    void insertsAfterTheLastTraceWhenBussinessComesFirst() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-prefixed.edxml"));

        Element trace = TraceHeaders.append(p.dom(), PROVINCIAL_HUB, SENT);

        assertThat(trace.getPrefix()).isEqualTo("edXML");
        assertThat(trace.getNamespaceURI()).isEqualTo(EdxmlNamespace.URI);
        assertThat(trace.getPreviousSibling().getLocalName()).isEqualTo("TraceHeader");
        EdocPackage again = reader.read(p.toBytes());
        assertThat(again.traces()).extracting(EdocPackage.Trace::organId)
                .containsExactly("000.00.00.G22", PROVINCIAL_HUB);
        assertThat(again.businessDocReason()).isEqualTo("Văn bản điện tử mới");
    }

    @Test
    void usesTheDefaultNamespaceWhenTheDocumentHasNoPrefix() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-default-namespace.edxml"));

        Element trace = TraceHeaders.append(p.dom(), PROVINCIAL_HUB, SENT);

        assertThat(trace.getPrefix()).isNull();
        assertThat(trace.getNamespaceURI()).isEqualTo(EdxmlNamespace.URI);
        assertThat(EdxmlFixtures.utf8(p.toBytes())).contains("<TraceHeader><OrganId>" + PROVINCIAL_HUB);
        assertThat(reader.read(p.toBytes()).traces()).hasSize(2);
    }

    @Test
    void staysWithoutNamespaceWhenTheDocumentHasNone() {
        EdocPackage p = reader.read(EdxmlFixtures.resource("edoc-no-namespace.edxml"));

        Element trace = TraceHeaders.append(p.dom(), PROVINCIAL_HUB, SENT);

        assertThat(trace.getNamespaceURI()).isNull();
        assertThat(EdxmlFixtures.utf8(p.toBytes())).doesNotContain(EdxmlNamespace.URI);
        assertThat(reader.read(p.toBytes()).traces()).extracting(EdocPackage.Trace::organId)
                .containsExactly("000.00.00.G22", PROVINCIAL_HUB);
    }

    @Test
    void createsTraceHeaderListRightAfterMessageHeaderWhenMissing() {
        EdocPackage status = reader.read(SamplePackages.status().from(H53_OFFICE)
                .responseFor(H53, "125/UBND-VP", LocalDate.of(2025, 3, 12), H53 + ",2025/03/12,125/UBND-VP")
                .statusCode("01").build());

        Element trace = TraceHeaders.append(status.dom(), PROVINCIAL_HUB, SENT);

        Element list = (Element) trace.getParentNode();
        assertThat(list.getTagName()).isEqualTo("edXML:TraceHeaderList");
        assertThat(list.getPreviousSibling().getLocalName()).isEqualTo("MessageHeader");
        assertThat(reader.read(status.toBytes()).traces())
                .containsExactly(new EdocPackage.Trace(PROVINCIAL_HUB, "2025/03/12 09:30:00"));
    }
}
