package vn.gov.bus.connectors.axis.simulator;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.gov.bus.connectors.axis.AxisProtocol;

/**
 * Reads the routing facts of an edXML package with a streaming parser that refuses DTDs.
 *
 * <p>Matching is by local name only: real packages put the root in the default namespace and
 * inner elements under an {@code edXML:} prefix, and producers differ, so neither the prefix nor
 * the namespace URI may matter. The whole document is read so that a package that is not
 * well-formed is refused at the axis, as a real transport would.
 */
final class EdxmlHeaderReader {

    private static final String ROOT = "edXML";
    private static final String MESSAGE_HEADER = "MessageHeader";

    private final XMLInputFactory factory;
    private final int maxDepth;

    EdxmlHeaderReader(int maxDepth) {
        this.maxDepth = maxDepth;
        this.factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " is not allowed");
        });
    }

    PackageHeader read(byte[] xml, String messageType) throws MalformedPackageException {
        String documentId = null;
        String from = null;
        Set<String> to = new LinkedHashSet<>();
        String responseForDocumentId = null;
        Set<String> responseForOrgans = new LinkedHashSet<>();
        boolean responseFor = false;
        Deque<String> path = new ArrayDeque<>();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new MalformedPackageException("DOCTYPE declarations are not allowed in a package"
                            + at(reader.getLocation()));
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new MalformedPackageException("entity reference &" + reader.getLocalName()
                            + "; is not allowed" + at(reader.getLocation()));
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (path.isEmpty() && !ROOT.equals(name)) {
                    throw new MalformedPackageException("root element is '" + name + "', expected '" + ROOT + "'");
                }
                if (path.size() >= maxDepth) {
                    throw new MalformedPackageException("element nesting deeper than " + maxDepth
                            + at(reader.getLocation()));
                }
                String parent = path.peek();
                String grandParent = grandParent(path);
                if (MESSAGE_HEADER.equals(parent) && "DocumentId".equals(name)) {
                    documentId = reader.getElementText().trim();
                    continue; // getElementText consumed the end tag
                }
                if ("OrganId".equals(name) && MESSAGE_HEADER.equals(grandParent)) {
                    String organ = reader.getElementText().trim();
                    switch (parent) {
                        case "From" -> from = organ;
                        case "To" -> to.add(organ);
                        case "ResponseFor" -> responseForOrgans.add(organ);
                        default -> { }
                    }
                    continue;
                }
                if ("DocumentId".equals(name) && "ResponseFor".equals(parent) && MESSAGE_HEADER.equals(grandParent)) {
                    String id = reader.getElementText().trim();
                    if (responseForDocumentId == null) {
                        responseForDocumentId = id;
                    }
                    continue;
                }
                if ("ResponseFor".equals(name) && MESSAGE_HEADER.equals(parent)) {
                    responseFor = true;
                }
                path.push(name);
            }
        } catch (XMLStreamException e) {
            throw new MalformedPackageException("package is not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
        return assemble(messageType, documentId, from, to, responseFor, responseForDocumentId, responseForOrgans);
    }

    private static PackageHeader assemble(String messageType, String documentId, String from, Set<String> to,
                                          boolean responseFor, String responseForDocumentId,
                                          Set<String> responseForOrgans) throws MalformedPackageException {
        if (from == null || from.isEmpty()) {
            throw new MalformedPackageException("MessageHeader/From/OrganId is missing or empty");
        }
        if (AxisProtocol.MESSAGE_TYPE_STATUS.equals(messageType)) {
            if (!responseFor) {
                throw new MalformedPackageException("status package has no MessageHeader/ResponseFor");
            }
            List<String> recipients = new ArrayList<>(to.isEmpty() ? responseForOrgans : to);
            recipients.removeIf(String::isEmpty);
            if (recipients.isEmpty()) {
                throw new MalformedPackageException("status package names no recipient (ResponseFor/OrganId)");
            }
            return new PackageHeader(documentId != null ? documentId : responseForDocumentId, from, recipients);
        }
        if (documentId == null || documentId.isEmpty()) {
            throw new MalformedPackageException("MessageHeader/DocumentId is missing or empty");
        }
        List<String> recipients = new ArrayList<>(to);
        recipients.removeIf(String::isEmpty);
        if (recipients.isEmpty()) {
            throw new MalformedPackageException("MessageHeader has no To/OrganId");
        }
        return new PackageHeader(documentId, from, recipients);
    }

    private static String grandParent(Deque<String> path) {
        Iterator<String> it = path.iterator();
        if (!it.hasNext()) {
            return null;
        }
        it.next();
        return it.hasNext() ? it.next() : null;
    }

    private static String at(Location location) {
        return location == null ? "" : " (line " + location.getLineNumber() + ", column "
                + location.getColumnNumber() + ")";
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release for an in-memory stream
            }
        }
    }
}
