package vn.gov.bus.connectors.axis;

/**
 * Names shared by the client and the simulator, so the two sides cannot drift apart.
 *
 * <p>The operation names, the {@code XroadVnpt-} header prefix and the answer keys
 * ({@code status}, {@code ErrorCode}, {@code ErrorDesc}, {@code DocId}) follow the reference
 * SDK as described in the project spec ("The axis API"). Where the SDK's exact shape is not
 * public (list payload key, the timestamp format, where a free-text reason travels) the choice
 * made here is documented at the constant.
 */
public final class AxisProtocol {

    public static final String HEADER_PREFIX = "XroadVnpt-";
    public static final String SIGN_HEADER_KEY = HEADER_PREFIX + "sign-header-key";
    public static final String SIGN_HEADER = HEADER_PREFIX + "sign-header";
    public static final String HASH_HEADER = HEADER_PREFIX + "hash-header";

    public static final String FIELD_SYSTEM_ID = "systemid";
    /** Milliseconds since the epoch (UTC): unambiguous across time zones. */
    public static final String FIELD_TIMESTAMP = "timestamp";
    public static final String FIELD_FROM = "from";
    public static final String FIELD_SERVICE_TYPE = "servicetype";
    public static final String FIELD_MESSAGE_TYPE = "messagetype";
    public static final String FIELD_DOC_ID = "docId";
    /** Transport acknowledgement in {@code /updateStatus}: done, fail or processing. */
    public static final String FIELD_STATUS = "status";
    /** Hex SHA-256 of the request body; it is also a signed field so the body is bound to the HMAC. */
    public static final String FIELD_HASH_FILE = "hash-file";
    public static final String HASH_FILE_HEADER = HEADER_PREFIX + FIELD_HASH_FILE;

    public static final String SERVICE_TYPE_EDOC = "eDoc";
    public static final String MESSAGE_TYPE_EDOC = "edoc";
    public static final String MESSAGE_TYPE_STATUS = "status";

    public static final String OP_SEND_EDOC = "sendEdoc";
    public static final String OP_GET_RECEIVED_EDOC_LIST = "getReceivedEdocList";
    public static final String OP_GET_EDOC = "getEdoc";
    public static final String OP_UPDATE_STATUS = "updateStatus";
    public static final String OP_GET_SENT_EDOC_LIST = "getSentEdocList";
    public static final String OP_GET_AGENCIES_LIST = "getAgenciesList";
    public static final String OP_REGISTER_AGENCY = "registerAgency";
    public static final String OP_DELETE_AGENCY = "deleteAgency";

    public static final String ANSWER_STATUS = "status";
    public static final String ANSWER_ERROR_CODE = "ErrorCode";
    public static final String ANSWER_ERROR_DESC = "ErrorDesc";
    public static final String ANSWER_DOC_ID = "DocId";
    /** Key of the payload (a list or an object) in answers that return data. */
    public static final String ANSWER_DATA = "data";
    public static final String STATUS_OK = "OK";
    public static final String STATUS_FAIL = "FAIL";

    public static final String TRANSPORT_DONE = "done";
    public static final String TRANSPORT_FAIL = "fail";
    public static final String TRANSPORT_PROCESSING = "processing";

    private AxisProtocol() {
    }

    public static boolean isMessageType(String value) {
        return MESSAGE_TYPE_EDOC.equals(value) || MESSAGE_TYPE_STATUS.equals(value);
    }

    public static boolean isTransportStatus(String value) {
        return TRANSPORT_DONE.equals(value) || TRANSPORT_FAIL.equals(value)
                || TRANSPORT_PROCESSING.equals(value);
    }
}
