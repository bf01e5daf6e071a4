package vn.gov.bus.core.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.gov.bus.core.xml.SecureXml;

/** Test packages: loading, putting on the wire and back, and what a relay does to them. */
final class Packages {

    static final String EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String PREFIXED = "/signing/edoc-prefixed.xml";
    static final String DEFAULT_NAMESPACE = "/signing/edoc-default-namespace.xml";

    private static final SecureXml XML = new SecureXml();

    private Packages() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Packages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document load(String resource) {
        return XML.parse(bytes(resource));
    }

    static Document parse(byte[] xml) {
        return XML.parse(xml);
    }

    static Document parse(String xml) {
        return XML.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String serialise(Document doc) {
        try {
            Transformer t = SecureXml.transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document as a partner receives it: serialised and parsed again. */
    static Document overTheWire(Document doc) {
        return parse(serialise(doc));
    }

    static Element first(Document doc, String ns, String localName) {
        Node n = doc.getElementsByTagNameNS(ns, localName).item(0);
        if (n == null) {
            throw new IllegalArgumentException("no {" + ns + "}" + localName);
        }
        return (Element) n;
    }

    static Element header(Document doc) {
        return first(doc, EDXML_NS, "edXMLHeader");
    }

    /**
     * What a relay hop does: a new TraceHeader after the existing ones (before Bussiness),
     * pretty-printed like the rest of the list, then the package goes on the wire again.
     */
    static Document relayAppendsTraceHeader(Document signed, String organId, String timestamp) {
        Document doc = overTheWire(signed);
        Element list = first(doc, EDXML_NS, "TraceHeaderList");
        Element bussiness = first(doc, EDXML_NS, "Bussiness");
        String prefix = list.getPrefix() == null ? "" : list.getPrefix() + ":";
        Element trace = doc.createElementNS(EDXML_NS, prefix + "TraceHeader");
        Element id = doc.createElementNS(EDXML_NS, prefix + "OrganId");
        id.setTextContent(organId);
        Element time = doc.createElementNS(EDXML_NS, prefix + "Timestamp");
        time.setTextContent(timestamp);
        trace.appendChild(doc.createTextNode("\n          "));
        trace.appendChild(id);
        trace.appendChild(doc.createTextNode("\n          "));
        trace.appendChild(time);
        trace.appendChild(doc.createTextNode("\n        "));
        list.insertBefore(trace, bussiness);
        list.insertBefore(doc.createTextNode("\n        "), bussiness);
        return overTheWire(doc);
    }
}
