package vn.gov.bus.core.edxml;

import vn.gov.bus.core.xml.SecureXml;
import vn.gov.bus.core.xml.XmlRejectedException;

/**
 * Reads edXML packages as real traffic sends them: lenient on input. The prefix does not
 * matter, elements without a namespace are read as edXML ones, elements may come in any order,
 * unknown elements are skipped, content ids may lack {@code cid:}, and dates may be ISO.
 * Whether the package is acceptable is a separate question, answered by {@link PackageRules}.
 *
 * <p>Thread-safe; create one and share it (the JAXB context is costly to build).
 */
public final class EdxmlReader {

    private final SecureXml secureXml;
    private final EdxmlBinding binding;

    public EdxmlReader(SecureXml secureXml) {
        this.secureXml = secureXml;
        this.binding = new EdxmlBinding();
    }

    /**
     * Parses and binds a package.
     *
     * @throws XmlRejectedException when the bytes are not acceptable XML (DOCTYPE, size, depth)
     * @throws EdxmlException       when the root is not edXML or there is no MessageHeader
     */
    public EdocPackage read(byte[] bytes) {
        return EdocPackage.bind(secureXml.parse(bytes), binding);
    }
}
