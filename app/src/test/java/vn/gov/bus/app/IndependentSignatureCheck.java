package vn.gov.bus.app;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies a package the way a partner would, with plain Santuario and the JDK's PKIX validator
 * against a root certificate file: none of the bus's own verification code is involved.
 */
final class IndependentSignatureCheck {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private IndependentSignatureCheck() {
    }

    static boolean verifies(byte[] pkg, Path rootCaPem) throws Exception {
        Init.init();
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(pkg));
        NodeList signatures = doc.getElementsByTagNameNS(DSIG, "Signature");
        if (signatures.getLength() != 1) {
            throw new AssertionError("expected one XML-DSig Signature, found " + signatures.getLength());
        }
        Element signature = (Element) signatures.item(0);
        XMLSignature xmlSignature = new XMLSignature(signature, "", true);
        KeyInfo keyInfo = xmlSignature.getKeyInfo();
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < keyInfo.lengthX509Data(); i++) {
            var data = keyInfo.itemX509Data(i);
            for (int j = 0; j < data.lengthCertificate(); j++) {
                chain.add(data.itemCertificate(j).getX509Certificate());
            }
        }
        X509Certificate signer = keyInfo.getX509Certificate();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate root;
        try (InputStream in = Files.newInputStream(rootCaPem)) {
            root = (X509Certificate) cf.generateCertificate(in);
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        chain.stream().filter(c -> !c.equals(signer) && !c.equals(root)).forEach(path::add);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(path), params);
        return xmlSignature.checkSignatureValue(signer);
    }
}
