package vn.gov.bus.core.edxml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.gov.bus.core.xml.SecureXml;
import vn.gov.bus.schemas.edxml.Edxml;

/** Shared test material: real zip and docx bytes, raw (unvalidated) packages, sample files. */
final class EdxmlFixtures {

    static final String G22 = "000.00.00.G22";
    static final String H53 = "000.00.00.H53";
    static final String H53_OFFICE = "000.00.01.H53";
    static final String H29 = "000.00.00.H29";
    /** 2025-03-12 09:30:00 in Việt Nam. */
    static final Instant SENT = Instant.parse("2025-03-12T02:30:00Z");

    private EdxmlFixtures() {
    }

    static EdxmlReader reader() {
        return new EdxmlReader(new SecureXml());
    }

    static byte[] resource(String name) {
        try (InputStream in = EdxmlFixtures.class.getResourceAsStream("/edxml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A package marshalled as it is, without the writer's checks: for packages broken on purpose. */
    static byte[] unvalidated(Edxml root) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JAXBContext.newInstance(Edxml.class).createMarshaller().marshal(root, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal Word document: a zip container with the OOXML parts. */
    static byte[] docx(String text) {
        String contentTypes = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>""";
        String document = """
                <?xml version="1.0" encoding="UTF-8"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>""".formatted(text);
        return zip(Map.of(
                "[Content_Types].xml", contentTypes.getBytes(StandardCharsets.UTF_8),
                "word/document.xml", document.getBytes(StandardCharsets.UTF_8)));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
