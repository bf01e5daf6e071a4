package vn.gov.bus.connectors.axis.simulator;

import static vn.gov.bus.connectors.axis.AxisProtocol.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bus.connectors.axis.AxisAgency;
import vn.gov.bus.connectors.axis.AxisRequestSigner;
import vn.gov.bus.connectors.axis.AxisVerification;
import vn.gov.bus.connectors.axis.SortedJsonCanonicalizer;

/**
 * A stand-in for the national exchange axis that speaks its HTTP protocol on a real socket:
 * it verifies the HMAC headers and {@code hash-file} with the same {@link AxisRequestSigner} the
 * client uses, parses each package's header to route it, keeps per-system inboxes, and serves a
 * generated agency directory.
 *
 * <p>Refusals are answered as the SDK does, HTTP 200 with {@code status: FAIL} and a specific
 * {@code ErrorCode}: {@code MISSING_HEADER}, {@code UNKNOWN_SYSTEM}, {@code INVALID_SIGNATURE},
 * {@code SIGNED_HEADERS_MISMATCH}, {@code MALFORMED_TIMESTAMP}, {@code STALE_TIMESTAMP},
 * {@code HASH_MISMATCH}, {@code INVALID_SERVICE_TYPE}, {@code INVALID_MESSAGE_TYPE},
 * {@code MALFORMED_PACKAGE}, {@code PACKAGE_TOO_LARGE}, {@code MALFORMED_REQUEST},
 * {@code NOT_FOUND}, {@code INVALID_STATUS}, {@code AGENCY_CONFLICT}. Transport-level faults
 * (fault injection, unavailability) use real HTTP statuses.
 *
 * <p>For a browser: {@code GET /sim/received} lists what arrived, {@code GET /sim/inbox?system=ID}
 * what waits for a system.
 */
public final class AxisSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AxisSimulator.class);
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final AxisSimulatorConfig config;
    private final AxisRequestSigner signer;
    private final EdxmlHeaderReader headerReader;
    private final SimulatorStore store;
    private final List<AxisAgency> directory;
    private final ObjectMapper json = new ObjectMapper();
    private final Object faultLock = new Object();
    private int failRemaining;
    private int failStatus;
    private int delayRemaining;
    private Duration delay = Duration.ZERO;
    private volatile boolean available = true;
    private HttpServer server;
    private ExecutorService executor;

    public AxisSimulator(AxisSimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.signer = new AxisRequestSigner(new SortedJsonCanonicalizer(),
                config.clock(), config.allowedSkew());
        this.headerReader = new EdxmlHeaderReader(config.maxDepth());
        this.directory = new AgencyDirectoryGenerator(config.directorySeed()).generate(config.directorySize());
        this.store = new SimulatorStore(config.clock(), config.organRoutes(), directory.size() + 1L);
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized AxisSimulator start() {
        if (server != null) {
            throw new IllegalStateException("simulator already started at " + endpoint());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the axis simulator to " + config.host() + ":" + config.port(), e);
        }
        executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("axis simulator listening at {} for systems {} with {} agencies", endpoint(),
                config.systems().keySet(), directory.size());
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        // Interrupts handlers held by delayNext so stopping never waits for an injected delay.
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Base URI to give the client, e.g. {@code http://127.0.0.1:41234}. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("simulator is not started");
        }
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    // ---------------------------------------------------------------- test and demo API

    /** Packages systems sent through {@code /sendEdoc}, in arrival order. */
    public List<ReceivedPackage> received() {
        return store.received();
    }

    /** How many sent packages carry this edXML DocumentId (duplicates show up here). */
    public long countByDocumentId(String documentId) {
        return store.countByDocumentId(documentId);
    }

    /**
     * Puts a package in a system's inbox as if another province had sent it. The header is read
     * leniently so tests can also inject broken packages for the receiving side to refuse.
     *
     * @return the docId assigned
     */
    public String enqueueIncoming(String toSystemId, byte[] pkg, String messageType) {
        Objects.requireNonNull(toSystemId, "toSystemId");
        Objects.requireNonNull(pkg, "pkg");
        if (!isMessageType(messageType)) {
            throw new IllegalArgumentException("messageType must be 'edoc' or 'status', was '" + messageType + "'");
        }
        PackageHeader header;
        try {
            header = headerReader.read(pkg, messageType);
        } catch (MalformedPackageException e) {
            log.info("injecting a package the axis could not read: {}", e.getMessage());
            header = PackageHeader.unknown();
        }
        return store.enqueue(toSystemId, header, messageType, pkg).docId();
    }

    /** Every package delivered to a system with its transport state (done ones included). */
    public List<InboxEntry> inbox(String systemId) {
        return store.deliveries(systemId);
    }

    /** Routes packages addressed to {@code organId} to {@code systemId}'s inbox from now on. */
    public void route(String organId, String systemId) {
        store.route(organId, systemId);
    }

    public List<AxisAgency> directory() {
        return directory;
    }

    /** The next {@code n} protocol requests are answered with this HTTP status (and a FAIL body). */
    public void failNext(int n, int httpStatus) {
        if (n < 0 || httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("failNext needs n >= 0 and an HTTP status, got " + n + ", " + httpStatus);
        }
        synchronized (faultLock) {
            failRemaining = n;
            failStatus = httpStatus;
        }
    }

    /** The next {@code n} protocol requests are held this long before being handled. */
    public void delayNext(int n, Duration delay) {
        if (n < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("delayNext needs n >= 0 and a non-negative delay");
        }
        synchronized (faultLock) {
            delayRemaining = n;
            this.delay = delay;
        }
    }

    /** When false every protocol request gets HTTP 503 with {@code Retry-After}. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/sim/")) {
                handleInspection(exchange, path);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                fail(exchange, 405, "METHOD_NOT_ALLOWED", "axis operations are called with POST");
                return;
            }
            if (!available) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                fail(exchange, 503, "UNAVAILABLE", "the axis is temporarily unavailable");
                return;
            }
            int injected = applyFaults();
            if (injected > 0) {
                fail(exchange, injected, "INJECTED_FAULT", "fault injected by the simulator (HTTP " + injected + ")");
                return;
            }
            String operation = path.substring(path.lastIndexOf('/') + 1);
            try {
                handleOperation(exchange, operation);
            } catch (SimulatorFailure f) {
                log.info("axis simulator refused {}: {} {}", operation, f.errorCode(), f.getMessage());
                fail(exchange, f.httpStatus(), f.errorCode(), f.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("axis simulator lost the connection: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("axis simulator failed on {}", exchange.getRequestURI(), e);
            try {
                fail(exchange, 500, "INTERNAL_ERROR", e.toString());
            } catch (IOException | RuntimeException ignored) {
                // the answer may already be half sent; the client sees a broken response
            }
        } finally {
            exchange.close();
        }
    }

    /** Returns the injected HTTP status, or 0; sleeps first if a delay is pending. */
    private int applyFaults() throws InterruptedException {
        Duration sleep = Duration.ZERO;
        int status = 0;
        synchronized (faultLock) {
            if (delayRemaining > 0) {
                delayRemaining--;
                sleep = delay;
            }
            if (failRemaining > 0) {
                failRemaining--;
                status = failStatus;
            }
        }
        if (!sleep.isZero()) {
            Thread.sleep(sleep.toMillis());
        }
        return status;
    }

    private void handleOperation(HttpExchange exchange, String operation) throws IOException {
        byte[] body = readBody(exchange);
        Map<String, String> headers = AxisRequestSigner.firstValues(exchange.getRequestHeaders());
        String systemId = headers.get(HEADER_PREFIX + FIELD_SYSTEM_ID);
        if (systemId == null || systemId.isBlank()) {
            throw new SimulatorFailure("MISSING_HEADER", "header " + HEADER_PREFIX + FIELD_SYSTEM_ID + " is missing");
        }
        String secret = config.systems().get(systemId);
        if (secret == null) {
            throw new SimulatorFailure("UNKNOWN_SYSTEM", "system '" + systemId + "' is not registered on the axis");
        }
        check(signer.verify(headers, secret));
        check(signer.verifyBody(headers, body));
        String serviceType = headers.get(HEADER_PREFIX + FIELD_SERVICE_TYPE);
        if (!SERVICE_TYPE_EDOC.equals(serviceType)) {
            throw new SimulatorFailure("INVALID_SERVICE_TYPE", "header " + HEADER_PREFIX + FIELD_SERVICE_TYPE
                    + " must be '" + SERVICE_TYPE_EDOC + "', was '" + serviceType + "'");
        }
        switch (operation) {
            case OP_SEND_EDOC -> sendEdoc(exchange, systemId, headers, body);
            case OP_GET_RECEIVED_EDOC_LIST -> getReceivedEdocList(exchange, systemId, headers);
            case OP_GET_EDOC -> getEdoc(exchange, systemId, headers);
            case OP_UPDATE_STATUS -> updateStatus(exchange, systemId, headers, body);
            case OP_GET_SENT_EDOC_LIST -> getSentEdocList(exchange, systemId, body);
            case OP_GET_AGENCIES_LIST -> getAgenciesList(exchange);
            case OP_REGISTER_AGENCY -> registerAgency(exchange, systemId, body);
            case OP_DELETE_AGENCY -> deleteAgency(exchange, systemId, body);
            default -> throw new SimulatorFailure(404, "UNKNOWN_OPERATION", "no axis operation '" + operation + "'");
        }
    }

    private static void check(AxisVerification verification) {
        if (!verification.valid()) {
            throw new SimulatorFailure(verification.errorCode(), verification.detail());
        }
    }

    private void sendEdoc(HttpExchange exchange, String systemId, Map<String, String> headers, byte[] body)
            throws IOException {
        String messageType = messageType(headers);
        if (body.length == 0) {
            throw new SimulatorFailure("MALFORMED_PACKAGE", "the request body is empty: it must be the edXML package");
        }
        PackageHeader header;
        try {
            header = headerReader.read(body, messageType);
        } catch (MalformedPackageException e) {
            throw new SimulatorFailure("MALFORMED_PACKAGE", e.getMessage());
        }
        ReceivedPackage pkg = store.acceptSent(systemId, header, messageType, body);
        log.info("axis simulator accepted {} {} from {} as {} (DocumentId {}, to {})", messageType,
                pkg.contentLength() + " bytes", systemId, pkg.docId(), pkg.documentId(), pkg.toOrganIds());
        ok(exchange, okAnswer().put(ANSWER_DOC_ID, pkg.docId()));
    }

    private void getReceivedEdocList(HttpExchange exchange, String systemId, Map<String, String> headers)
            throws IOException {
        String messageType = messageType(headers);
        ObjectNode answer = okAnswer();
        ArrayNode data = answer.putArray(ANSWER_DATA);
        for (InboxEntry entry : store.waiting(systemId, messageType)) {
            ReceivedPackage pkg = entry.pkg();
            ObjectNode item = data.addObject()
                    .put("id", pkg.docId())
                    .put("status", entry.status())
                    .put("from", pkg.fromOrganId())
                    .put("createdTime", pkg.receivedAt().toString())
                    .put("contentSha256", pkg.sha256())
                    .put("contentLength", pkg.contentLength())
                    .put("messageType", pkg.messageType());
            pkg.toOrganIds().forEach(item.putArray("to")::add);
        }
        ok(exchange, answer);
    }

    private void getEdoc(HttpExchange exchange, String systemId, Map<String, String> headers) throws IOException {
        ReceivedPackage pkg = store.download(systemId, requiredHeader(headers, FIELD_DOC_ID));
        byte[] content = pkg.content();
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.getResponseHeaders().set(HASH_FILE_HEADER, pkg.sha256());
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private void updateStatus(HttpExchange exchange, String systemId, Map<String, String> headers, byte[] body)
            throws IOException {
        String docId = requiredHeader(headers, FIELD_DOC_ID);
        String status = requiredHeader(headers, FIELD_STATUS);
        if (!isTransportStatus(status)) {
            throw new SimulatorFailure("INVALID_STATUS", "header " + HEADER_PREFIX + FIELD_STATUS
                    + " must be done, fail or processing, was '" + status + "'");
        }
        JsonNode request = jsonBody(body);
        String reason = request.hasNonNull("reason") ? request.get("reason").asText() : null;
        store.acknowledge(systemId, docId, status, reason);
        ok(exchange, okAnswer());
    }

    private void getSentEdocList(HttpExchange exchange, String systemId, byte[] body) throws IOException {
        JsonNode request = jsonBody(body);
        String filter = request.hasNonNull("documentId") ? request.get("documentId").asText() : null;
        ObjectNode answer = okAnswer();
        ArrayNode data = answer.putArray(ANSWER_DATA);
        for (SimulatorStore.SentView sent : store.sentBy(systemId, filter)) {
            ReceivedPackage pkg = sent.pkg();
            ObjectNode item = data.addObject()
                    .put("docId", pkg.docId())
                    .put("documentId", pkg.documentId())
                    .put("from", pkg.fromOrganId())
                    .put("sendStatus", STATUS_OK)
                    .put("receiveStatus", sent.receiveStatus())
                    .put("createdTime", pkg.receivedAt().toString());
            pkg.toOrganIds().forEach(item.putArray("to")::add);
        }
        ok(exchange, answer);
    }

    /** Streamed: the full directory is ~110,000 entries and need not be built as a tree first. */
    private void getAgenciesList(HttpExchange exchange) throws IOException {
        List<AxisAgency> registered = store.registeredAgencies();
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody();
             JsonGenerator gen = json.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField(ANSWER_STATUS, STATUS_OK);
            gen.writeArrayFieldStart(ANSWER_DATA);
            for (AxisAgency agency : directory) {
                writeAgency(gen, agency);
            }
            for (AxisAgency agency : registered) {
                writeAgency(gen, agency);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    private static void writeAgency(JsonGenerator gen, AxisAgency agency) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", agency.id());
        gen.writeStringField("pid", agency.pid());
        gen.writeStringField("code", agency.code());
        gen.writeStringField("name", agency.name());
        gen.writeStringField("mail", agency.mail());
        gen.writeEndObject();
    }

    private void registerAgency(HttpExchange exchange, String systemId, byte[] body) throws IOException {
        JsonNode request = jsonBody(body);
        String code = requiredJson(request, "code");
        String name = requiredJson(request, "name");
        String mail = request.hasNonNull("mail") ? request.get("mail").asText() : null;
        if (!code.matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}")) {
            // Real traffic has non-conforming codes (e.g. 999.010.01.H22): accept and say so.
            log.warn("axis simulator registers agency code '{}' that does not have the shape LLL.LL.LL.XNN", code);
        }
        AxisAgency agency = store.register(systemId, code, name, mail);
        ObjectNode answer = okAnswer();
        answer.set(ANSWER_DATA, json.valueToTree(agency));
        ok(exchange, answer);
    }

    private void deleteAgency(HttpExchange exchange, String systemId, byte[] body) throws IOException {
        store.deregister(systemId, requiredJson(jsonBody(body), "code"));
        ok(exchange, okAnswer());
    }

    private void handleInspection(HttpExchange exchange, String path) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            fail(exchange, 405, "METHOD_NOT_ALLOWED", "inspection pages are read with GET");
            return;
        }
        ArrayNode list = json.createArrayNode();
        switch (path) {
            case "/sim/received" -> store.received().forEach(p -> list.add(summary(p)));
            case "/sim/inbox" -> {
                String query = exchange.getRequestURI().getQuery();
                String system = query != null && query.startsWith("system=") ? query.substring(7) : null;
                if (system == null) {
                    fail(exchange, 400, "MISSING_PARAMETER", "use /sim/inbox?system=<systemId>");
                    return;
                }
                for (InboxEntry entry : store.deliveries(system)) {
                    list.add(summary(entry.pkg()).put("status", entry.status()).put("reason", entry.reason()));
                }
            }
            default -> {
                fail(exchange, 404, "NOT_FOUND", "inspection pages: /sim/received, /sim/inbox?system=<id>");
                return;
            }
        }
        write(exchange, 200, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(list));
    }

    private ObjectNode summary(ReceivedPackage p) {
        ObjectNode node = json.createObjectNode()
                .put("docId", p.docId())
                .put("documentId", p.documentId())
                .put("senderSystemId", p.senderSystemId())
                .put("from", p.fromOrganId())
                .put("messageType", p.messageType())
                .put("contentLength", p.contentLength())
                .put("sha256", p.sha256())
                .put("receivedAt", p.receivedAt().toString());
        p.toOrganIds().forEach(node.putArray("to")::add);
        return node;
    }

    // ---------------------------------------------------------------- helpers

    private byte[] readBody(HttpExchange exchange) throws IOException {
        long limit = config.maxPackageBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > limit) {
            throw new SimulatorFailure("PACKAGE_TOO_LARGE", "the body is " + declared
                    + " bytes, the axis accepts at most " + limit);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                throw new SimulatorFailure("PACKAGE_TOO_LARGE", "the body exceeds " + limit + " bytes");
            }
            return body;
        }
    }

    private static String messageType(Map<String, String> headers) {
        String messageType = headers.get(HEADER_PREFIX + FIELD_MESSAGE_TYPE);
        if (!isMessageType(messageType)) {
            throw new SimulatorFailure("INVALID_MESSAGE_TYPE", "header " + HEADER_PREFIX + FIELD_MESSAGE_TYPE
                    + " must be 'edoc' or 'status', was '" + messageType + "'");
        }
        return messageType;
    }

    private static String requiredHeader(Map<String, String> headers, String field) {
        String value = headers.get(HEADER_PREFIX + field);
        if (value == null || value.isBlank()) {
            throw new SimulatorFailure("MISSING_HEADER", "header " + HEADER_PREFIX + field + " is missing");
        }
        return value;
    }

    private JsonNode jsonBody(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new SimulatorFailure("MALFORMED_REQUEST", "the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new SimulatorFailure("MALFORMED_REQUEST", "the request body is not JSON: " + e.getMessage());
        }
    }

    private static String requiredJson(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new SimulatorFailure("MALFORMED_REQUEST", "the request body has no '" + field + "'");
        }
        return value.asText();
    }

    private ObjectNode okAnswer() {
        return json.createObjectNode().put(ANSWER_STATUS, STATUS_OK);
    }

    private void ok(HttpExchange exchange, ObjectNode answer) throws IOException {
        write(exchange, 200, json.writeValueAsBytes(answer));
    }

    private void fail(HttpExchange exchange, int httpStatus, String code, String desc) throws IOException {
        ObjectNode answer = json.createObjectNode()
                .put(ANSWER_STATUS, STATUS_FAIL)
                .put(ANSWER_ERROR_CODE, code)
                .put(ANSWER_ERROR_DESC, desc);
        write(exchange, httpStatus, json.writeValueAsBytes(answer));
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "axis-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "AxisSimulator[" + config + "]";
    }
}
