package vn.gov.bus.core.signing;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Santuario start-up and the namespace surgery both signature shapes need. */
final class SantuarioSupport {

    private SantuarioSupport() {
    }

    /** Santuario's algorithm registry must be loaded once per JVM; repeated calls are no-ops. */
    static void init() {
        org.apache.xml.security.Init.init();
    }

    /**
     * Moves every element of the subtree that is in {@code fromNamespace} (or, when
     * {@code fromNoNamespace}, in no namespace) into {@code toNamespace} with the given prefix
     * ("" = default namespace), drops namespace declarations that bound the old or new namespace,
     * and, when {@code declare}, declares the new one once on the subtree root. Santuario's canonicaliser reads the
     * namespace declaration attributes, not the elements' namespace URIs, so the declaration must
     * be present as an attribute. Elements are renamed in place (Xerces keeps node identity), so
     * a Santuario object holding them stays usable.
     */
    static void moveNamespace(Element root, String fromNamespace, boolean fromNoNamespace, String toNamespace,
                              String prefix, boolean declare) {
        Document doc = root.getOwnerDocument();
        List<Element> elements = new ArrayList<>();
        collect(root, elements);
        for (Element e : elements) {
            String ns = e.getNamespaceURI();
            if (fromNamespace.equals(ns) || (fromNoNamespace && ns == null)) {
                String qualified = prefix.isEmpty() ? e.getLocalName() : prefix + ":" + e.getLocalName();
                Node renamed = doc.renameNode(e, toNamespace, qualified);
                if (renamed != e) {
                    throw new IllegalStateException("DOM implementation " + doc.getClass().getName()
                            + " does not rename elements in place");
                }
            }
            removeDeclarations(e, fromNamespace, toNamespace);
        }
        if (declare) {
            root.setAttributeNS(EdxmlSignatureNames.XMLNS_NS, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix,
                    toNamespace);
        }
    }

    private static void removeDeclarations(Element e, String ns1, String ns2) {
        NamedNodeMap attributes = e.getAttributes();
        List<Attr> drop = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (EdxmlSignatureNames.XMLNS_NS.equals(a.getNamespaceURI())
                    && (a.getValue().equals(ns1) || a.getValue().equals(ns2)
                    || ("xmlns".equals(a.getName()) && a.getValue().isEmpty()))) {
                drop.add(a);
            }
        }
        for (Attr a : drop) {
            e.removeAttributeNode(a);
        }
    }

    private static void collect(Element e, List<Element> into) {
        into.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, into);
            }
        }
    }
}
