package vn.gov.bus.connectors.axis.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.bus.connectors.axis.EdxmlSamples;

class EdxmlHeaderReaderTest {

    private final EdxmlHeaderReader reader = new EdxmlHeaderReader(64);

    @Test
    void readsPrefixedEdocHeaderIgnoringResponseForAndTraceOrgans() throws Exception {
        byte[] pkg = EdxmlSamples.edoc("000.00.00.H53,2025/01/15,7816/UBND-VP", "000.00.00.H53",
                List.of("000.00.00.G22", "000.00.01.H15", "000.00.00.G22"));

        PackageHeader header = reader.read(pkg, "edoc");

        assertThat(header.documentId()).isEqualTo("000.00.00.H53,2025/01/15,7816/UBND-VP");
        assertThat(header.fromOrganId()).isEqualTo("000.00.00.H53");
        assertThat(header.toOrganIds()).containsExactly("000.00.00.G22", "000.00.01.H15");
    }

    @Test
    void readsUnprefixedPackageInAnotherNamespaceByLocalNames() throws Exception {
        String xml = """
                <x:edXML xmlns:x="urn:some-producer"><x:edXMLEnvelope><x:edXMLHeader><x:MessageHeader>
                <x:From><x:OrganId>000.00.00.G22</x:OrganId></x:From>
                <x:To><x:OrganId>000.00.00.H53</x:OrganId></x:To>
                <x:DocumentId>6f1c1f3e-8d0e-4a43-a9a6-3c1c5f0d9a11</x:DocumentId>
                </x:MessageHeader></x:edXMLHeader></x:edXMLEnvelope></x:edXML>""";

        PackageHeader header = reader.read(xml.getBytes(StandardCharsets.UTF_8), "edoc");

        assertThat(header.documentId()).isEqualTo("6f1c1f3e-8d0e-4a43-a9a6-3c1c5f0d9a11");
        assertThat(header.toOrganIds()).containsExactly("000.00.00.H53");
    }

    @Test
    void statusPackageIsAddressedToTheOriginalSender() throws Exception {
        byte[] pkg = EdxmlSamples.status("000.00.00.G22", "000.00.00.H53", "000.00.00.H53,2025/01/15,1/UBND", "03");

        PackageHeader header = reader.read(pkg, "status");

        assertThat(header.fromOrganId()).isEqualTo("000.00.00.G22");
        assertThat(header.toOrganIds()).containsExactly("000.00.00.H53");
        assertThat(header.documentId()).isEqualTo("000.00.00.H53,2025/01/15,1/UBND");
    }

    @Test
    void rejectsPackageWithDoctype() {
        assertThatThrownBy(() -> reader.read(EdxmlSamples.withDoctype(), "edoc"))
                .isInstanceOf(MalformedPackageException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void rejectsExternalEntityDeclaration() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <edXML><MessageHeader><DocumentId>&xxe;</DocumentId></MessageHeader></edXML>""";

        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8), "edoc"))
                .isInstanceOf(MalformedPackageException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void rejectsWrongRootElement() {
        assertThatThrownBy(() -> reader.read("<Envelope/>".getBytes(StandardCharsets.UTF_8), "edoc"))
                .isInstanceOf(MalformedPackageException.class)
                .hasMessageContaining("root element is 'Envelope'");
    }

    @Test
    void rejectsPackageThatIsNotWellFormed() {
        byte[] pkg = "<edXML><MessageHeader></edXML>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(pkg, "edoc"))
                .isInstanceOf(MalformedPackageException.class)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void rejectsEdocWithoutRecipient() {
        byte[] pkg = EdxmlSamples.edoc("doc", "000.00.00.H53", List.of());

        assertThatThrownBy(() -> reader.read(pkg, "edoc"))
                .isInstanceOf(MalformedPackageException.class)
                .hasMessageContaining("To/OrganId");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deep = "<edXML>" + "<a>".repeat(70) + "</a>".repeat(70) + "</edXML>";

        assertThatThrownBy(() -> reader.read(deep.getBytes(StandardCharsets.UTF_8), "edoc"))
                .isInstanceOf(MalformedPackageException.class)
                .hasMessageContaining("deeper than 64");
    }
}
