package vn.gov.bus.core.edxml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import vn.gov.bus.schemas.edxml.Edxml;

/** JAXB binding of the generated edXML classes, shared by the reader and the writer. */
final class EdxmlBinding {

    /** The bound root and the values JAXB could not convert (kept as violations, not thrown). */
    record Unmarshalled(Edxml root, List<Violation> issues) {
    }

    private final JAXBContext context;
    private final DocumentBuilderFactory documents;

    EdxmlBinding() {
        try {
            this.context = JAXBContext.newInstance(Edxml.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create the JAXB context for edXML", e);
        }
        this.documents = DocumentBuilderFactory.newInstance();
        this.documents.setNamespaceAware(true);
    }

    /**
     * Binds a DOM without schema validation: unknown elements are skipped, and values that do
     * not convert (a BussinessDocType of "abc") are recorded with their location instead of
     * failing the whole package.
     */
    Unmarshalled unmarshal(Node node) {
        List<Violation> issues = new ArrayList<>();
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setEventHandler(event -> {
                if (isConversionFailure(event)) {
                    Node where = event.getLocator() == null ? null : event.getLocator().getNode();
                    issues.add(new Violation(NodePaths.of(where), "format",
                            "value cannot be read: " + event.getMessage()));
                }
                return true;
            });
            Edxml root = unmarshaller.unmarshal(node, Edxml.class).getValue();
            return new Unmarshalled(root, List.copyOf(issues));
        } catch (JAXBException e) {
            throw new EdxmlException("edXML", "structure", "package cannot be bound: " + e.getMessage(), e);
        }
    }

    private static boolean isConversionFailure(ValidationEvent event) {
        return event.getLinkedException() instanceof IllegalArgumentException;
    }

    /** DocumentBuilderFactory is not specified thread-safe; building one document is cheap. */
    private synchronized Document newDocument() throws ParserConfigurationException {
        return documents.newDocumentBuilder().newDocument();
    }

    /** Marshals to a fresh DOM (no validation here: the writer validates the DOM). */
    Document marshal(Edxml root) {
        try {
            Document document = newDocument();
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.marshal(root, document);
            return document;
        } catch (JAXBException e) {
            throw new EdxmlException("edXML", "structure", "package cannot be marshalled: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
