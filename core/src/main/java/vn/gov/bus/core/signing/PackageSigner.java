package vn.gov.bus.core.signing;

import static vn.gov.bus.core.signing.EdxmlSignatureNames.DSIG_NS;
import static vn.gov.bus.core.signing.EdxmlSignatureNames.EDXML_NS;
import static vn.gov.bus.core.signing.EdxmlSignatureNames.XMLNS_NS;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPath2FilterContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.gov.bus.core.pki.KeyMaterial;

/**
 * Signs an edXML package with the organisation's key: an enveloped XML-DSig signature placed
 * as the last child of {@code edXMLHeader}, replacing any signature already there.
 *
 * <p>Why the reference excludes the trace headers: every relay hop appends a TraceHeader to
 * TraceHeaderList, so a signature over the whole document breaks at the first hop (observed on
 * a genuine 2019 package). The bus therefore subtracts, with XPath Filter 2.0, the TraceHeader
 * elements and the whitespace between them, but keeps the rest of TraceHeaderList signed: its
 * Bussiness block carries the business type (new, revoke, update, replace) and must not be
 * changeable without breaking the signature.
 */
public final class PackageSigner {

    /**
     * What the reference leaves out. The prefix is bound to the edXML namespace on the XPath
     * element itself, so the expression does not depend on the prefixes used in the package.
     */
    static final String EXCLUDED_TRACE_HEADERS =
            "//edxml:TraceHeaderList/edxml:TraceHeader | //edxml:TraceHeaderList/text()";

    private final KeyMaterial key;
    private final SignatureShape shape;

    public PackageSigner(KeyMaterial key) {
        this(key, SignatureShape.STANDARD);
    }

    public PackageSigner(KeyMaterial key, SignatureShape shape) {
        this.key = Objects.requireNonNull(key, "key");
        this.shape = Objects.requireNonNull(shape, "shape");
        SantuarioSupport.init();
    }

    public SignatureShape shape() {
        return shape;
    }

    /** Signs the package in place. */
    public void sign(Document edxml) {
        Element header = EdxmlSignatureNames.header(edxml.getDocumentElement())
                .orElseThrow(() -> new SigningException("cannot sign: no edXML/edXMLEnvelope/edXMLHeader in namespace "
                        + EDXML_NS + " (root element is " + EdxmlSignatureNames.describe(edxml.getDocumentElement())
                        + ")"));
        for (Element old : EdxmlSignatureNames.signatures(header)) {
            header.removeChild(old);
        }
        // Documents built in memory (JAXB, DOM code) may lack namespace declaration attributes;
        // Santuario canonicalises from those attributes, so without this fix-up the signature
        // would not survive serialisation.
        edxml.normalizeDocument();
        try {
            XMLSignature signature = new XMLSignature(edxml, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            header.appendChild(signature.getElement());
            signature.addDocument("", transforms(edxml), MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            X509Data x509 = new X509Data(edxml);
            for (X509Certificate c : key.chain()) {
                // a root sent along is worthless to the verifier, which trusts only its own anchors
                if (c == key.certificate() || !isSelfIssued(c)) {
                    x509.addCertificate(c);
                }
            }
            signature.getKeyInfo().add(x509);
            if (shape == SignatureShape.STANDARD) {
                // Fix the prefix whatever another library set as Santuario's global default.
                SantuarioSupport.moveNamespace(signature.getElement(), DSIG_NS, false, DSIG_NS, "ds", true);
                signature.sign(key.privateKey());
                dropCarriageReturns(signature.getElement());
            } else {
                // The reference library's signature has unprefixed elements: SignedInfo must be
                // canonicalised that way for the signature value to match after re-namespacing.
                SantuarioSupport.moveNamespace(signature.getElement(), DSIG_NS, false, DSIG_NS, "", true);
                signature.sign(key.privateKey());
                dropCarriageReturns(signature.getElement());
                SantuarioSupport.moveNamespace(signature.getElement(), DSIG_NS, false, EDXML_NS, "", false);
            }
        } catch (XMLSecurityException e) {
            throw new SigningException("cannot sign package with certificate '"
                    + key.certificate().getSubjectX500Principal().getName() + "': " + e.getMessage(), e);
        }
    }

    private Transforms transforms(Document edxml) throws XMLSecurityException {
        Transforms transforms = new Transforms(edxml);
        if (shape == SignatureShape.STANDARD) {
            XPath2FilterContainer filter = XPath2FilterContainer.newInstanceSubtract(edxml, EXCLUDED_TRACE_HEADERS);
            filter.getElement().setAttributeNS(XMLNS_NS, "xmlns:edxml", EDXML_NS);
            transforms.addTransform(Transforms.TRANSFORM_XPATH2FILTER, filter.getElement());
        }
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        return transforms;
    }

    /**
     * Santuario wraps base64 with CRLF, which serialises as {@code &#13;} in every line. The
     * signature value and the certificates lie outside SignedInfo, so their whitespace can be
     * normalised after signing; SignedInfo itself is left exactly as signed.
     */
    private static void dropCarriageReturns(Element signature) {
        for (String name : new String[] {"SignatureValue", "X509Certificate"}) {
            NodeList nodes = signature.getElementsByTagNameNS(DSIG_NS, name);
            for (int i = 0; i < nodes.getLength(); i++) {
                Node n = nodes.item(i);
                n.setTextContent(n.getTextContent().replace("\r", ""));
            }
        }
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }
}
