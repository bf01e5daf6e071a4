package vn.gov.bus.core.edxml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import vn.gov.bus.core.xml.SecureXml;

/** Serialises a DOM as it is: UTF-8, no indentation added or removed. */
final class XmlBytes {

    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);

    private XmlBytes() {
    }

    static byte[] of(Document document) {
        try {
            Transformer transformer = SecureXml.transformerFactory().newTransformer();
            // the declaration is written by hand: the JDK serialiser adds standalone="no" to it
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            out.writeBytes(DECLARATION);
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the package DOM", e);
        }
    }
}
