package vn.gov.bus.core.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.gov.bus.schemas.edxml.Edxml;

/**
 * Writes edXML packages: strict on output. Every text value is put in Unicode NFC (Vietnamese
 * typed on some systems arrives decomposed, and partners compare and index text), the result is
 * validated against the edXML schema ({@value #SCHEMA_RESOURCE} on the classpath) and against
 * {@link PackageRules}; anything invalid is refused with an {@link EdxmlException} naming the
 * field and the rule. Output is UTF-8 in the shape of the reference library: the root in the
 * default namespace, inner elements prefixed {@code edXML:}.
 *
 * <p>Thread-safe; create one and share it (schema and JAXB context are costly to build).
 */
public final class EdxmlWriter {

    public static final String SCHEMA_RESOURCE = "edxml/edxml.xsd";

    private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";

    private final EdxmlBinding binding;
    private final Schema schema;
    private final PackageRules rules;

    public EdxmlWriter() {
        this(new PackageRules());
    }

    public EdxmlWriter(PackageRules rules) {
        this.rules = rules;
        this.binding = new EdxmlBinding();
        this.schema = loadSchema();
    }

    /** The edXML schema from the classpath, as used for validation here. */
    public Schema schema() {
        return schema;
    }

    /** Writes a package to bytes (UTF-8). */
    public byte[] write(Edxml root) {
        return toPackage(root).toBytes();
    }

    /**
     * Writes a package to a validated DOM wrapped as a package, for callers that append trace
     * headers or sign before serialising.
     */
    public EdocPackage toPackage(Edxml root) {
        Document dom = binding.marshal(root);
        normalise(dom.getDocumentElement());
        applyPrefixes(dom);
        // package rules first: they name the field and rule more precisely than schema errors
        EdocPackage written = EdocPackage.bind(dom, binding);
        List<Violation> errors = rules.check(written);
        if (!errors.isEmpty()) {
            Violation first = errors.get(0);
            String all = errors.stream().map(Violation::toString).collect(Collectors.joining("; "));
            throw new EdxmlException(first.field(), first.rule(), errors.size() == 1
                    ? first.message() : first.message() + " (" + errors.size() + " violations: " + all + ")");
        }
        validate(dom);
        return written;
    }

    private static void normalise(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            attr.setValue(nfc(attr.getValue()));
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                normalise(e);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                n.setNodeValue(nfc(n.getNodeValue()));
            }
        }
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Root in the default namespace, inner elements {@code edXML:}, as the reference library emits. */
    private static void applyPrefixes(Document dom) {
        Element root = dom.getDocumentElement();
        prefix(root, null);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", EdxmlNamespace.URI);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + EdxmlNamespace.PREFIX, EdxmlNamespace.URI);
    }

    private static void prefix(Element element, String prefix) {
        if (EdxmlNamespace.URI.equals(element.getNamespaceURI())) {
            element.setPrefix(prefix);
        }
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> declarations = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())
                    && EdxmlNamespace.URI.equals(attr.getValue())) {
                declarations.add(attr);
            }
        }
        declarations.forEach(element::removeAttributeNode);
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                prefix(e, EdxmlNamespace.PREFIX);
            }
        }
    }

    private void validate(Document dom) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML validator does not support access restrictions", e);
        }
        validator.setErrorHandler(new FirstError(validator));
        try {
            validator.validate(new DOMSource(dom));
        } catch (SchemaViolation e) {
            throw e.exception;
        } catch (SAXException | IOException e) {
            throw new EdxmlException("edXML", "schema", "package does not match the edXML schema: " + e.getMessage(), e);
        }
    }

    /** Stops at the first schema error, locating it in the DOM being validated. */
    private record FirstError(Validator validator) implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a package invalid
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw new SchemaViolation(toException(e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw new SchemaViolation(toException(e));
        }

        private EdxmlException toException(SAXParseException e) {
            Node node;
            try {
                node = (Node) validator.getProperty(CURRENT_NODE);
            } catch (SAXException unsupported) {
                node = null;
            }
            String message = String.valueOf(e.getMessage());
            return new EdxmlException(NodePaths.of(node), rule(message),
                    "package does not match the edXML schema: " + message, e);
        }

        private static String rule(String message) {
            int colon = message.indexOf(':');
            String key = colon > 0 ? message.substring(0, colon) : message;
            if (message.contains("base64Binary")) {
                return "base64";
            }
            return switch (key) {
                case "cvc-complex-type.2.4.b" -> "required";
                case "cvc-pattern-valid", "cvc-datatype-valid.1.2.1", "cvc-type.3.1.3" -> "format";
                case "cvc-maxLength-valid" -> "max-length";
                case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.d" -> "structure";
                default -> "schema";
            };
        }
    }

    /** Carries an EdxmlException through the validator's SAX plumbing. */
    private static final class SchemaViolation extends SAXException {
        private final transient EdxmlException exception;

        SchemaViolation(EdxmlException exception) {
            super(exception.getMessage());
            this.exception = exception;
        }
    }

    private static Schema loadSchema() {
        URL url = EdxmlWriter.class.getClassLoader().getResource(SCHEMA_RESOURCE);
        if (url == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath (bus-schemas jar)");
        }
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, url.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot load the edXML schema " + url, e);
        }
    }
}
