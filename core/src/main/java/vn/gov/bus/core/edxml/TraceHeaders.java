package vn.gov.bus.core.edxml;

import java.time.Instant;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every hop appends a TraceHeader (OrganId, Timestamp) to edXMLHeader/TraceHeaderList. Written
 * into the package's own DOM, in the namespace and with the prefix that document already uses,
 * so that nothing else in it changes (the bus signs with a reference that excludes
 * TraceHeaderList, so appending keeps such a signature valid).
 */
public final class TraceHeaders {

    private TraceHeaders() {
    }

    /**
     * Appends one TraceHeader after the existing ones (before Bussiness when there are none),
     * creating TraceHeaderList right after MessageHeader when it is missing.
     *
     * @param at stamped as {@code yyyy/MM/dd HH:mm:ss} in Việt Nam local time
     * @return the new TraceHeader element
     */
    public static Element append(Document dom, String organId, Instant at) {
        Element root = dom.getDocumentElement();
        Element envelope = child(root, "edXMLEnvelope");
        Element header = envelope == null ? null : child(envelope, "edXMLHeader");
        if (header == null) {
            throw new EdxmlException("edXMLEnvelope/edXMLHeader", "required", "package has no edXMLHeader");
        }
        Element messageHeader = child(header, "MessageHeader");
        if (messageHeader == null) {
            throw new EdxmlException("MessageHeader", "required", "package has no MessageHeader");
        }
        Element list = child(header, "TraceHeaderList");
        if (list == null) {
            list = create(dom, messageHeader, "TraceHeaderList");
            header.insertBefore(list, messageHeader.getNextSibling());
        }
        Element trace = create(dom, list, "TraceHeader");
        Element id = create(dom, list, "OrganId");
        id.setTextContent(organId);
        Element timestamp = create(dom, list, "Timestamp");
        timestamp.setTextContent(EdxmlDates.formatTimestamp(at));
        trace.appendChild(id);
        trace.appendChild(timestamp);

        Element lastTrace = null;
        Element business = null;
        for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if ("TraceHeader".equals(e.getLocalName())) {
                    lastTrace = e;
                } else if (business == null && "Bussiness".equals(e.getLocalName())) {
                    business = e;
                }
            }
        }
        Node before = lastTrace != null ? lastTrace.getNextSibling() : business;
        list.insertBefore(trace, before);
        return trace;
    }

    /** A new element in the namespace and with the prefix of {@code like}. */
    private static Element create(Document dom, Element like, String localName) {
        String ns = like.getNamespaceURI();
        if (ns == null) {
            return dom.createElementNS(null, localName);
        }
        String prefix = like.getPrefix();
        return dom.createElementNS(ns, prefix == null ? localName : prefix + ":" + localName);
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
