package vn.gov.bus.connectors.qlvb;

import java.util.Map;

/**
 * Size limits of the hub's SOAP endpoint. A hub request is a handful of small elements plus one
 * package, so everything except the package is bounded tightly; the package is bounded by
 * {@link #maxPackageBytes()} whether it arrives as an MTOM attachment or inline base64.
 *
 * <p>Where each limit is enforced:
 * <ul>
 *   <li>whole HTTP request body ({@link #maxMessageBytes()}): {@link MessageSizeLimitInterceptor},
 *       from {@code Content-Length} before reading, and by counting bytes for chunked requests;</li>
 *   <li>decoded package ({@link #maxPackageBytes()}): {@link DocumentHubEndpoint} while reading it;</li>
 *   <li>one MTOM attachment and the number of attachments: CXF {@code attachment-max-size},
 *       {@code attachment-max-count};</li>
 *   <li>the SOAP envelope, via CXF's Woodstox settings: {@code org.apache.cxf.stax.maxTextLength}
 *       (one text node: inline base64 package), {@code maxXMLCharacters} (whole envelope),
 *       {@code maxElementCount}, {@code maxElementDepth}, {@code maxChildElements},
 *       {@code maxAttributeCount}, {@code maxAttributeSize}.</li>
 * </ul>
 *
 * @param maxPackageBytes   largest edXML package accepted (decoded bytes)
 * @param maxElementCount   elements in one SOAP envelope
 * @param maxElementDepth   nesting depth of the SOAP envelope
 * @param maxAttributeCount attributes on one element
 * @param maxAttributeSize  characters in one attribute value
 */
public record HubLimits(long maxPackageBytes, long maxElementCount, int maxElementDepth,
                        int maxAttributeCount, int maxAttributeSize) {

    /**
     * 80 MiB, as {@code SecureXml}'s default: a package carries its attachments in base64, so a
     * 50 MB file (the cap a known gateway applies) makes a package of about 67 MB.
     */
    public static final long DEFAULT_MAX_PACKAGE_BYTES = 80L * 1024 * 1024;

    /** Room for the envelope, headers and MIME framing around the package. */
    static final long ENVELOPE_ALLOWANCE_BYTES = 256L * 1024;

    public HubLimits {
        if (maxPackageBytes <= 0 || maxPackageBytes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("maxPackageBytes must be in 1.." + Integer.MAX_VALUE / 2
                    + " (the package is held in one byte array): " + maxPackageBytes);
        }
    }

    public static HubLimits defaults() {
        return ofPackageBytes(DEFAULT_MAX_PACKAGE_BYTES);
    }

    /** Default envelope limits with the given package limit. */
    public static HubLimits ofPackageBytes(long maxPackageBytes) {
        return new HubLimits(maxPackageBytes, 1_000, 32, 32, 8_192);
    }

    /** Characters of the package once base64-encoded inline (4 per 3 bytes, padded). */
    public long maxInlinePackageChars() {
        return (maxPackageBytes + 2) / 3 * 4;
    }

    /** Largest HTTP request body: an inline-base64 package plus the envelope. */
    public long maxMessageBytes() {
        return maxInlinePackageChars() + ENVELOPE_ALLOWANCE_BYTES;
    }

    /** Endpoint properties that make CXF enforce these limits. */
    public Map<String, Object> cxfProperties() {
        return Map.of(
                "org.apache.cxf.stax.maxTextLength", Math.toIntExact(maxInlinePackageChars()),
                "org.apache.cxf.stax.maxXMLCharacters", maxMessageBytes(),
                "org.apache.cxf.stax.maxElementCount", maxElementCount,
                "org.apache.cxf.stax.maxElementDepth", maxElementDepth,
                "org.apache.cxf.stax.maxChildElements", Math.toIntExact(Math.min(maxElementCount, Integer.MAX_VALUE)),
                "org.apache.cxf.stax.maxAttributeCount", maxAttributeCount,
                "org.apache.cxf.stax.maxAttributeSize", maxAttributeSize,
                // The MTOM attachment holds the raw package; one request carries one package.
                "attachment-max-size", maxPackageBytes,
                "attachment-max-count", 4);
    }
}
