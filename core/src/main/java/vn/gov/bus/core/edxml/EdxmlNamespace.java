package vn.gov.bus.core.edxml;

/** Namespaces that appear in edXML packages. */
public final class EdxmlNamespace {

    /** QCVN 102:2016 namespace of every edXML element. */
    public static final String URI = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    /** The prefix the reference library uses for inner elements; parsers must not rely on it. */
    public static final String PREFIX = "edXML";

    public static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";

    public static final String XLINK = "http://www.w3.org/1999/xlink";

    private EdxmlNamespace() {
    }
}
