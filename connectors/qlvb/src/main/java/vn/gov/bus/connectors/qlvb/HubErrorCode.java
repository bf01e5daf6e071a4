package vn.gov.bus.connectors.qlvb;

/**
 * Codes carried in {@code HubFaultDetail/code}. The WSDL types the code as a string so the list
 * can grow without breaking clients; these are the codes the bus uses today.
 */
public enum HubErrorCode {
    /** Unknown organ or wrong token; deliberately does not say which. */
    AUTH_FAILED,
    /** The package (or the SOAP envelope) is not well-formed XML. */
    MALFORMED_XML,
    /** A DOCTYPE was present; the bus never processes DTDs. */
    DTD_FORBIDDEN,
    /** The SOAP or MTOM request itself cannot be read (truncated, broken MIME framing). */
    MALFORMED_REQUEST,
    /** The package or the request does not follow its schema. */
    SCHEMA_INVALID,
    /** A recipient is not in the agency directory. */
    UNKNOWN_RECIPIENT,
    /** {@code MessageHeader/From/OrganId} differs from the authenticated organ. */
    SENDER_MISMATCH,
    /** The package or the whole message exceeds the configured size. */
    ATTACHMENT_TOO_LARGE,
    /** An attachment's base64 content cannot be decoded. */
    INVALID_BASE64,
    /** A field exceeds its maximum length. */
    FIELD_TOO_LONG,
    /** No such package waiting for this organ. */
    NOT_FOUND,
    /** The sender took the package back before this organ's system confirmed it. */
    WITHDRAWN,
    /** The package exceeds the configured XML size. */
    PACKAGE_TOO_LARGE,
    /** The package nests elements deeper than the configured limit. */
    NESTING_TOO_DEEP,
    /** The declared messageType differs from the package's kind. */
    MESSAGE_TYPE_MISMATCH,
    /** A recipient can only be reached through a channel this bus has not enabled. */
    CHANNEL_UNAVAILABLE,
    /** The same recipient is listed twice. */
    DUPLICATE_RECIPIENT,
    /** A field breaks a rule of the package (format, required, range …). */
    INVALID_FIELD,
    /** The bus could not process the call now; the caller should retry later. */
    UNAVAILABLE
}
