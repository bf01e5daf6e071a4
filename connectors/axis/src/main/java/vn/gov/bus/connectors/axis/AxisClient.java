package vn.gov.bus.connectors.axis;

import static vn.gov.bus.connectors.axis.AxisProtocol.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the national document exchange axis. Every call is {@code POST {endpoint}/{operation}}
 * with signed {@code XroadVnpt-*} headers (see {@link AxisRequestSigner}); answers are JSON except
 * the package download.
 *
 * <p>Failures are split for the caller's retry policy: {@link AxisTransientException} (network,
 * timeout, 5xx, 429, unreadable answer) may be retried; {@link AxisRejectedException}
 * ({@code status: FAIL}, other 4xx) must not be.
 *
 * <p>Free text (a failure reason, a DocumentId with Vietnamese letters, an agency name) travels
 * in a JSON body covered by {@code hash-file}, because header values must be ASCII.
 *
 * <p>Thread-safe: one instance can serve all routes.
 */
public final class AxisClient {

    private static final Logger log = LoggerFactory.getLogger(AxisClient.class);
    private static final String APPLICATION_XML = "application/xml";
    private static final String APPLICATION_JSON = "application/json";
    private static final int MAX_ERROR_EXCERPT = 200;

    /** Replaced whole when an administrator retunes the connector (see {@link #reconfigure}). */
    private volatile AxisClientConfig config;
    private final HttpClient http;
    private final AxisRequestSigner signer;
    private final ObjectMapper json = new ObjectMapper();

    public AxisClient(AxisClientConfig config) {
        this(config, defaultHttpClient(config), new AxisRequestSigner());
    }

    public AxisClient(AxisClientConfig config, AxisRequestSigner signer) {
        this(config, defaultHttpClient(config), signer);
    }

    public AxisClient(AxisClientConfig config, HttpClient http, AxisRequestSigner signer) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    private static HttpClient defaultHttpClient(AxisClientConfig config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // The axis answers plain HTTP/1.1; avoid the h2c upgrade dance on every POST.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public AxisClientConfig config() {
        return config;
    }

    /**
     * Points the client at another endpoint and/or secret while the bus runs (administrators retune
     * the axis connector through the admin API). Calls already sent finish on the old settings; the
     * other settings stay. Null keeps the current value.
     */
    public void reconfigure(URI endpoint, String secret) {
        AxisClientConfig c = config;
        config = new AxisClientConfig(endpoint == null ? c.endpoint() : endpoint, c.systemId(),
                secret == null ? c.secret() : secret, c.fromOrganId(), c.connectTimeout(), c.requestTimeout());
        log.info("axis client now talks to {}", config.endpoint());
    }

    /**
     * Sends an edXML package (document or status) as it is.
     *
     * @param messageType {@code edoc} or {@code status}
     */
    public AxisSendResult sendEdoc(byte[] edxmlPackage, String messageType) {
        Objects.requireNonNull(edxmlPackage, "edxmlPackage");
        if (edxmlPackage.length == 0) {
            throw new IllegalArgumentException("edxmlPackage is empty");
        }
        requireMessageType(messageType);
        Map<String, String> fields = baseFields();
        fields.put(FIELD_MESSAGE_TYPE, messageType);
        JsonNode answer = callForJson(OP_SEND_EDOC, fields, edxmlPackage, APPLICATION_XML);
        String docId = text(answer, ANSWER_DOC_ID);
        if (docId == null || docId.isBlank()) {
            // Accepted but unidentifiable: retrying could duplicate, so an operator reconciles
            // through getSentEdocList instead.
            throw new AxisRejectedException(OP_SEND_EDOC, 200, "ANSWER_WITHOUT_DOC_ID",
                    "the axis answered OK but gave no DocId; reconcile with getSentEdocList");
        }
        return new AxisSendResult(docId, AxisRequestSigner.sha256Hex(edxmlPackage));
    }

    /** Packages waiting for this system. */
    public List<AxisListItem> getReceivedEdocList(String messageType) {
        requireMessageType(messageType);
        Map<String, String> fields = baseFields();
        fields.put(FIELD_MESSAGE_TYPE, messageType);
        JsonNode answer = callForJson(OP_GET_RECEIVED_EDOC_LIST, fields, null, null);
        return list(OP_GET_RECEIVED_EDOC_LIST, answer, item -> new AxisListItem(
                text(item, "id"), text(item, "status"), text(item, "from"), strings(item.get("to")),
                instant(item.get("createdTime")), text(item, "contentSha256"),
                item.path("contentLength").asLong(-1),
                Optional.ofNullable(text(item, "messageType")).orElse(text(item, "messagetype"))));
    }

    /**
     * Downloads one package. When the axis states the package's SHA-256 in
     * {@code XroadVnpt-hash-file}, a mismatch is treated as a damaged transfer (transient).
     */
    public byte[] getEdoc(String docId) {
        requireText(docId, "docId");
        Map<String, String> fields = baseFields();
        fields.put(FIELD_DOC_ID, docId);
        HttpResponse<byte[]> response = call(OP_GET_EDOC, fields, null, null);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.toLowerCase(Locale.ROOT).startsWith(APPLICATION_JSON)) {
            // Some deployments wrap the package as base64 in a JSON answer.
            JsonNode answer = parseOk(OP_GET_EDOC, response);
            String data = text(answer, ANSWER_DATA);
            if (data == null) {
                throw new AxisTransientException(OP_GET_EDOC, response.statusCode(),
                        "getEdoc " + docId + " answered JSON without a 'data' field", null, null);
            }
            return Base64.getMimeDecoder().decode(data);
        }
        byte[] body = response.body();
        Optional<String> declared = response.headers().firstValue(HASH_FILE_HEADER);
        if (declared.isPresent()) {
            String actual = AxisRequestSigner.sha256Hex(body);
            if (!actual.equalsIgnoreCase(declared.get().trim())) {
                throw new AxisTransientException(OP_GET_EDOC, response.statusCode(), "getEdoc " + docId
                        + ": downloaded " + body.length + " bytes hash to " + actual + " but the axis declared "
                        + declared.get(), null, null);
            }
        }
        return body;
    }

    /**
     * Transport acknowledgement after a download.
     *
     * @param status {@code done}, {@code fail} (a reason is then required) or {@code processing}
     * @param reason free text, may be null except for {@code fail}
     */
    public void updateStatus(String docId, String status, String reason) {
        requireText(docId, "docId");
        if (!isTransportStatus(status)) {
            throw new IllegalArgumentException("status must be done, fail or processing, was '" + status + "'");
        }
        if (TRANSPORT_FAIL.equals(status) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("status 'fail' needs a reason for the sender");
        }
        Map<String, String> fields = baseFields();
        fields.put(FIELD_DOC_ID, docId);
        fields.put(FIELD_STATUS, status);
        byte[] body = null;
        if (reason != null) {
            ObjectNode node = json.createObjectNode().put("reason", reason);
            body = toBytes(node);
        }
        callForJson(OP_UPDATE_STATUS, fields, body, body == null ? null : APPLICATION_JSON);
    }

    /** What this system sent, optionally only the packages with this edXML DocumentId. */
    public List<AxisSentItem> getSentEdocList(String documentIdFilter) {
        Map<String, String> fields = baseFields();
        byte[] body = null;
        if (documentIdFilter != null) {
            body = toBytes(json.createObjectNode().put("documentId", documentIdFilter));
        }
        JsonNode answer = callForJson(OP_GET_SENT_EDOC_LIST, fields, body, body == null ? null : APPLICATION_JSON);
        return list(OP_GET_SENT_EDOC_LIST, answer, item -> new AxisSentItem(
                Optional.ofNullable(text(item, "docId")).orElse(text(item, "id")),
                text(item, "documentId"), text(item, "from"), strings(item.get("to")),
                text(item, "sendStatus"), text(item, "receiveStatus"), instant(item.get("createdTime"))));
    }

    /** The national agency directory (about 110,000 entries in production). */
    public List<AxisAgency> getAgenciesList() {
        JsonNode answer = callForJson(OP_GET_AGENCIES_LIST, baseFields(), null, null);
        return list(OP_GET_AGENCIES_LIST, answer, this::agency);
    }

    /** Registers a local agency under this system's centre code; returns the directory entry. */
    public AxisAgency registerAgency(String code, String name, String mail) {
        requireText(code, "code");
        requireText(name, "name");
        ObjectNode node = json.createObjectNode().put("code", code).put("name", name);
        if (mail != null) {
            node.put("mail", mail);
        }
        JsonNode answer = callForJson(OP_REGISTER_AGENCY, baseFields(), toBytes(node), APPLICATION_JSON);
        JsonNode data = answer.get(ANSWER_DATA);
        return data != null && data.isObject() ? agency(data) : new AxisAgency(null, null, code, name, mail);
    }

    public void deleteAgency(String code) {
        requireText(code, "code");
        callForJson(OP_DELETE_AGENCY, baseFields(), toBytes(json.createObjectNode().put("code", code)),
                APPLICATION_JSON);
    }

    private AxisAgency agency(JsonNode item) {
        return new AxisAgency(text(item, "id"), text(item, "pid"), text(item, "code"), text(item, "name"),
                text(item, "mail"));
    }

    private Map<String, String> baseFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(FIELD_SYSTEM_ID, config.systemId());
        fields.put(FIELD_TIMESTAMP, signer.currentTimestamp());
        fields.put(FIELD_FROM, config.fromOrganId());
        fields.put(FIELD_SERVICE_TYPE, SERVICE_TYPE_EDOC);
        return fields;
    }

    private JsonNode callForJson(String operation, Map<String, String> fields, byte[] body, String contentType) {
        return parseOk(operation, call(operation, fields, body, contentType));
    }

    private HttpResponse<byte[]> call(String operation, Map<String, String> fields, byte[] body, String contentType) {
        if (body != null) {
            fields.put(FIELD_HASH_FILE, AxisRequestSigner.sha256Hex(body));
        }
        URI uri = config.operationUri(operation);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signer.sign(fields, config.secret()).forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new AxisTransientException(operation, "axis " + operation + " at " + uri + " timed out ("
                    + e.getMessage() + "; request timeout " + config.requestTimeout() + ")", e);
        } catch (IOException e) {
            throw new AxisTransientException(operation, "axis " + operation + " at " + uri + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AxisTransientException(operation, "axis " + operation + " interrupted while waiting", e);
        }
        int status = response.statusCode();
        log.debug("axis {} -> HTTP {} ({} bytes)", operation, status, response.body().length);
        if (status >= 200 && status < 300) {
            return response;
        }
        Optional<JsonNode> answer = tryParse(response.body());
        String code = answer.map(a -> text(a, ANSWER_ERROR_CODE)).orElse(null);
        String desc = answer.map(a -> text(a, ANSWER_ERROR_DESC)).orElse(excerpt(response.body()));
        if (status >= 500 || status == 429) {
            throw new AxisTransientException(operation, status, "axis " + operation + " answered HTTP " + status
                    + (code == null ? "" : " " + code) + (desc == null || desc.isBlank() ? "" : ": " + desc),
                    retryAfter(response), null);
        }
        throw new AxisRejectedException(operation, status, code == null ? "HTTP_" + status : code, desc);
    }

    private JsonNode parseOk(String operation, HttpResponse<byte[]> response) {
        JsonNode answer = tryParse(response.body()).orElseThrow(() -> new AxisTransientException(operation,
                response.statusCode(), "axis " + operation + " answered HTTP " + response.statusCode()
                + " with a body that is not JSON: " + excerpt(response.body()), null, null));
        String status = text(answer, ANSWER_STATUS);
        if (!STATUS_OK.equalsIgnoreCase(status)) {
            String code = text(answer, ANSWER_ERROR_CODE);
            throw new AxisRejectedException(operation, response.statusCode(),
                    code == null ? "STATUS_" + status : code, text(answer, ANSWER_ERROR_DESC));
        }
        return answer;
    }

    private <T> List<T> list(String operation, JsonNode answer, Function<JsonNode, T> mapper) {
        JsonNode data = answer.get(ANSWER_DATA);
        if (data == null || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw new AxisTransientException(operation, 200, "axis " + operation + " answered '"
                    + ANSWER_DATA + "' as " + data.getNodeType() + ", expected an array", null, null);
        }
        List<T> items = new ArrayList<>(data.size());
        data.forEach(item -> items.add(mapper.apply(item)));
        return items;
    }

    private Optional<JsonNode> tryParse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private byte[] toBytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request body", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A recipient list as a JSON array, or as one comma-separated string from lenient peers. */
    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            return values;
        }
        return Arrays.stream(node.asText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** ISO-8601 instant or epoch milliseconds; null when absent or unreadable (not worth failing a list). */
    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            log.warn("axis sent an unreadable time '{}'", node.asText());
            return null;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .map(String::trim)
                .filter(v -> !v.isEmpty() && v.length() < 10 && v.chars().allMatch(Character::isDigit))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX_ERROR_EXCERPT), StandardCharsets.UTF_8);
        return body.length > MAX_ERROR_EXCERPT ? text + "…" : text;
    }

    private static void requireMessageType(String messageType) {
        if (!isMessageType(messageType)) {
            throw new IllegalArgumentException("messageType must be 'edoc' or 'status', was '" + messageType + "'");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
