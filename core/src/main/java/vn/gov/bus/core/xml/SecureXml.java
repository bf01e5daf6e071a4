package vn.gov.bus.core.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way the bus parses XML that came from outside: DTDs are refused outright (which
 * also rules out external entities and entity expansion bombs), XInclude is off, and the
 * document's size and element depth are bounded. Every parse that would need a DTD fails
 * with a {@link XmlRejectedException} that says why.
 */
public final class SecureXml {

    /** Limits applied to one document. */
    public record Limits(long maxBytes, int maxDepth) {
        public static final Limits DEFAULT = new Limits(80L * 1024 * 1024, 64);
    }

    private final Limits limits;
    private final DocumentBuilderFactory factory;

    public SecureXml(Limits limits) {
        this.limits = limits;
        this.factory = newFactory();
    }

    public SecureXml() {
        this(Limits.DEFAULT);
    }

    public Limits limits() {
        return limits;
    }

    /** Parses bytes into a namespace-aware DOM, enforcing the limits. */
    public Document parse(byte[] xml) {
        if (xml.length > limits.maxBytes()) {
            throw new XmlRejectedException(XmlRejectedException.Reason.TOO_LARGE,
                    "document is " + xml.length + " bytes, the limit is " + limits.maxBytes());
        }
        return parse(new ByteArrayInputStream(xml));
    }

    private Document parse(InputStream in) {
        Document doc;
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new XmlRejectedException(XmlRejectedException.Reason.DTD_FORBIDDEN,
                        "external entity " + systemId + " is not allowed");
            });
            doc = builder.parse(in);
        } catch (SAXParseException e) {
            throw classify(e);
        } catch (SAXException e) {
            throw classify(e);
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlRejectedException(XmlRejectedException.Reason.MALFORMED, e.getMessage());
        }
        int depth = depth(doc.getDocumentElement(), 1);
        if (depth > limits.maxDepth()) {
            throw new XmlRejectedException(XmlRejectedException.Reason.TOO_DEEP,
                    "element nesting depth exceeds " + limits.maxDepth());
        }
        return doc;
    }

    private int depth(Node node, int current) {
        if (current > limits.maxDepth()) {
            return current;
        }
        int max = current;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                max = Math.max(max, depth(child, current + 1));
                if (max > limits.maxDepth()) {
                    return max;
                }
            }
        }
        return max;
    }

    private static XmlRejectedException classify(SAXException e) {
        if (e.getCause() instanceof XmlRejectedException rejected) {
            return rejected;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE") || message.contains("disallow-doctype-decl")) {
            return new XmlRejectedException(XmlRejectedException.Reason.DTD_FORBIDDEN,
                    "DOCTYPE declarations are not allowed");
        }
        String where = e instanceof SAXParseException p
                ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
        return new XmlRejectedException(XmlRejectedException.Reason.MALFORMED, message + where);
    }

    private static DocumentBuilderFactory newFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support secure processing", e);
        }
    }

    /**
     * A transformer factory that cannot reach external resources. One per thread: looking a
     * factory up scans the whole class path (measurable on the message path), and factories are
     * not guaranteed to be thread-safe.
     */
    public static TransformerFactory transformerFactory() {
        return TRANSFORMER_FACTORY.get();
    }

    private static final ThreadLocal<TransformerFactory> TRANSFORMER_FACTORY = ThreadLocal.withInitial(() -> {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return tf;
    });

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
