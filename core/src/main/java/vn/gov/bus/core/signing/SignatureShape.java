package vn.gov.bus.core.signing;

/** How {@link PackageSigner} lays out the package signature. */
public enum SignatureShape {

    /**
     * The bus's own shape: an XML-DSig {@code ds:Signature} whose single whole-document reference
     * excludes the trace headers (XPath Filter 2.0 subtract), then enveloped-signature, then
     * exclusive c14n; RSA-SHA256. It stays valid when a relay appends a TraceHeader, and
     * standard tools (Santuario, xmlsec1) verify it.
     */
    STANDARD,

    /**
     * The reference library's shape, for partners that can read nothing else: whole-document
     * reference with enveloped-signature and exclusive c14n, RSA-SHA256, and the Signature
     * subtree left without a namespace declaration so that it falls into the edXML namespace.
     * Standard verifiers do not see it, and the first relay hop invalidates it.
     */
    LEGACY
}
