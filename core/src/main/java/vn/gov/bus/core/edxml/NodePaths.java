package vn.gov.bus.core.edxml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** XPath-like locations of DOM nodes, in the form used by {@link Violation#field()}. */
final class NodePaths {

    /** Elements that may repeat: always indexed, even when alone, so that paths are stable. */
    private static final Set<String> REPEATABLE = Set.of("To", "ResponseFor", "TraceHeader", "Reference",
            "Attachment", "Place", "Appendix", "Receiver", "ReplacementInfo");

    /** Wrappers left out of paths: {@code MessageHeader/To[2]} reads better than the full path. */
    private static final Set<String> WRAPPERS = Set.of("edXML", "edXMLEnvelope", "edXMLHeader", "edXMLBody");

    private NodePaths() {
    }

    static String of(Node node) {
        if (node == null) {
            return "edXML";
        }
        String attribute = null;
        Node current = node;
        if (current instanceof Attr attr) {
            attribute = "@" + name(attr);
            current = attr.getOwnerElement();
        } else if (!(current instanceof Element)) {
            current = current.getParentNode();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (Node n = current; n instanceof Element e; n = n.getParentNode()) {
            parts.addFirst(step(e));
        }
        while (parts.size() > 1 && WRAPPERS.contains(parts.peekFirst())) {
            parts.removeFirst();
        }
        if (attribute != null) {
            parts.addLast(attribute);
        }
        return parts.isEmpty() ? "edXML" : String.join("/", parts);
    }

    private static String step(Element e) {
        String name = name(e);
        int position = 1;
        int count = 1;
        Node parent = e.getParentNode();
        if (parent instanceof Element) {
            count = 0;
            for (Node sibling = parent.getFirstChild(); sibling != null; sibling = sibling.getNextSibling()) {
                if (sibling instanceof Element s && name.equals(name(s))) {
                    count++;
                    if (s == e) {
                        position = count;
                    }
                }
            }
        }
        return count > 1 || REPEATABLE.contains(name) ? name + "[" + position + "]" : name;
    }

    private static String name(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }
}
