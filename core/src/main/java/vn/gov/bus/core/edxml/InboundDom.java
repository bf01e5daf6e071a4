package vn.gov.bus.core.edxml;

import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Prepares an inbound DOM for binding. Some producers emit every element without a namespace,
 * or mix namespaced and unqualified elements, and some spell "Business" where the reference
 * library has "Bussiness" (sic). Binding needs the edXML namespace and spelling; the package's
 * own DOM must stay as received (it is signed and forwarded), so fixes go to a copy.
 */
final class InboundDom {

    private static final Map<String, String> SPELLINGS = Map.of(
            "Business", "Bussiness",
            "BusinessDocType", "BussinessDocType",
            "BusinessDocReason", "BussinessDocReason",
            "BusinessDocumentInfo", "BussinessDocumentInfo");

    private InboundDom() {
    }

    /**
     * Checks the root element and returns the node to bind: the document itself, or a corrected
     * copy when some element needs a namespace or a spelling fix.
     */
    static Node forBinding(Document dom) {
        Element root = dom.getDocumentElement();
        String rootNamespace = root.getNamespaceURI();
        if (!"edXML".equals(root.getLocalName())) {
            throw new EdxmlException("edXML", "root",
                    "root element is '" + root.getLocalName() + "', expected 'edXML'");
        }
        if (rootNamespace != null && !EdxmlNamespace.URI.equals(rootNamespace)) {
            throw new EdxmlException("edXML", "namespace",
                    "root element is in namespace '" + rootNamespace + "', expected '" + EdxmlNamespace.URI + "'");
        }
        if (!needsFix(root)) {
            return dom;
        }
        Document copy = (Document) dom.cloneNode(true);
        fix(copy, copy.getDocumentElement());
        return copy;
    }

    private static boolean needsFix(Element element) {
        if (isEdxmlOrUnqualified(element)
                && (element.getNamespaceURI() == null || SPELLINGS.containsKey(element.getLocalName()))) {
            return true;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && needsFix(e)) {
                return true;
            }
        }
        return false;
    }

    private static void fix(Document document, Element element) {
        Element current = element;
        if (isEdxmlOrUnqualified(element)) {
            String local = SPELLINGS.getOrDefault(element.getLocalName(), element.getLocalName());
            String qualified = element.getPrefix() == null || element.getNamespaceURI() == null
                    ? local : element.getPrefix() + ":" + local;
            current = (Element) document.renameNode(element, EdxmlNamespace.URI, qualified);
        }
        Node child = current.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element e) {
                fix(document, e);
            }
            child = next;
        }
    }

    private static boolean isEdxmlOrUnqualified(Element element) {
        String ns = element.getNamespaceURI();
        return ns == null || EdxmlNamespace.URI.equals(ns);
    }
}
