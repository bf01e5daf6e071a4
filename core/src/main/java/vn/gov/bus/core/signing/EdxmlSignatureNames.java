package vn.gov.bus.core.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Names and element look-ups the signer and verifier share. */
final class EdxmlSignatureNames {

    static final String EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
    static final String SIGNATURE = "Signature";

    private EdxmlSignatureNames() {
    }

    /** {@code edXML/edXMLEnvelope/edXMLHeader}, matched by namespace and local name, never by prefix. */
    static Optional<Element> header(Element root) {
        if (!isEdxml(root, "edXML")) {
            return Optional.empty();
        }
        return child(root, "edXMLEnvelope").flatMap(envelope -> child(envelope, "edXMLHeader"));
    }

    /**
     * Signature elements directly inside the header: in the XML-DSig namespace, or (the
     * reference library's quirk) without a namespace declaration of their own, which puts them in
     * the edXML namespace, or in no namespace when the document has no default namespace.
     */
    static List<Element> signatures(Element header) {
        List<Element> found = new ArrayList<>();
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SIGNATURE.equals(e.getLocalName())
                    && (DSIG_NS.equals(e.getNamespaceURI()) || isLegacy(e))) {
                found.add(e);
            }
        }
        return found;
    }

    static boolean isLegacy(Element signature) {
        return signature.getNamespaceURI() == null || EDXML_NS.equals(signature.getNamespaceURI());
    }

    static String describe(Element e) {
        return "{" + e.getNamespaceURI() + "}" + e.getLocalName();
    }

    private static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && isEdxml(e, localName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static boolean isEdxml(Element e, String localName) {
        return EDXML_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }
}
