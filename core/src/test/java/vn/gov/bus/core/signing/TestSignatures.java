package vn.gov.bus.core.signing;

import java.security.cert.X509Certificate;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPath2FilterContainer;
import org.w3c.dom.Document;
import vn.gov.bus.core.pki.KeyMaterial;

/**
 * Signatures made with plain Santuario, to present the verifier with what other producers
 * emit (SHA-1, unusual exclusions) without giving {@link PackageSigner} such options.
 */
final class TestSignatures {

    private TestSignatures() {
    }

    /**
     * @param subtract an XPath Filter 2.0 subtract expression (prefix {@code edxml} bound to the
     *                 edXML namespace), or null for none
     */
    static void sign(Document doc, KeyMaterial key, String signatureMethod, String digestMethod, String subtract)
            throws Exception {
        org.apache.xml.security.Init.init();
        XMLSignature signature = new XMLSignature(doc, "", signatureMethod,
                Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        Packages.header(doc).appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        if (subtract != null) {
            XPath2FilterContainer filter = XPath2FilterContainer.newInstanceSubtract(doc, subtract);
            filter.getElement().setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:edxml", Packages.EDXML_NS);
            transforms.addTransform(Transforms.TRANSFORM_XPATH2FILTER, filter.getElement());
        }
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", transforms, digestMethod);
        X509Data data = new X509Data(doc);
        for (X509Certificate c : key.chain()) {
            data.addCertificate(c);
        }
        signature.getKeyInfo().add(data);
        signature.sign(key.privateKey());
    }
}
