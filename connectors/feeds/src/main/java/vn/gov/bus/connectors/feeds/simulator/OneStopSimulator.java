package vn.gov.bus.connectors.feeds.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import vn.gov.bus.connectors.feeds.TaxNoticeXml;
import vn.gov.bus.schemas.tax.TaxNotice;

/**
 * The one-stop system (hệ thống một cửa) as far as tax notices go, simulated by a real HTTP
 * server on its own port: it knows a set of land dossiers and receives their tax notices.
 * {@code GET /api/dossiers/{code}} → 200 or 404; {@code POST /api/dossiers/{code}/tax-notices}
 * (XML) → 201, 200 when it already has that notice number, 404 for an unknown dossier, 400 for
 * a notice that does not validate. {@code GET /sim/tax-notices} lists what it received.
 */
public final class OneStopSimulator implements AutoCloseable {

    /** A notice as received. */
    public record Received(String dossierCode, String noticeNumber, long totalAmount) {
    }

    private final HttpServer server;
    private final Set<String> dossiers = ConcurrentHashMap.newKeySet();
    private final Map<String, Received> notices = new ConcurrentHashMap<>();
    private final List<Received> arrivals = new CopyOnWriteArrayList<>();

    public OneStopSimulator(String host, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the one-stop simulator on " + host + ":" + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/api/dossiers/", this::dossiers);
        server.createContext("/sim/tax-notices", this::list);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Registers a land dossier the one-stop system knows. */
    public void addDossier(String code) {
        dossiers.add(code);
    }

    public List<Received> received() {
        return List.copyOf(arrivals);
    }

    private void dossiers(HttpExchange ex) throws IOException {
        try (ex) {
            String rest = ex.getRequestURI().getRawPath().substring("/api/dossiers/".length());
            String[] parts = rest.split("/");
            String code = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (!dossiers.contains(code)) {
                reply(ex, 404, "{\"error\":\"unknown dossier\"}");
                return;
            }
            if (parts.length == 1 && "GET".equals(ex.getRequestMethod())) {
                reply(ex, 200, "{\"code\":\"" + code + "\",\"status\":\"WAITING_FOR_TAX\"}");
                return;
            }
            if (parts.length == 2 && parts[1].equals("tax-notices") && "POST".equals(ex.getRequestMethod())) {
                TaxNotice notice;
                try {
                    notice = TaxNoticeXml.read(ex.getRequestBody().readNBytes((int) TaxNoticeXml.MAX_BYTES + 1));
                } catch (RuntimeException invalid) {
                    reply(ex, 400, "{\"error\":\"invalid notice\"}");
                    return;
                }
                Received r = new Received(code, notice.getNoticeNumber(), notice.getTotalAmount());
                if (notices.putIfAbsent(notice.getTaxOffice().getCode() + "/" + notice.getNoticeNumber(), r) != null) {
                    reply(ex, 200, "{\"status\":\"already received\"}");
                    return;
                }
                arrivals.add(r);
                reply(ex, 201, "{\"status\":\"received\"}");
                return;
            }
            reply(ex, 405, "{\"error\":\"method not allowed\"}");
        }
    }

    private void list(HttpExchange ex) throws IOException {
        try (ex) {
            StringBuilder json = new StringBuilder("[");
            for (Received r : arrivals) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("{\"dossierCode\":\"").append(r.dossierCode()).append("\",\"noticeNumber\":\"")
                        .append(r.noticeNumber()).append("\",\"totalAmount\":").append(r.totalAmount()).append('}');
            }
            reply(ex, 200, json.append(']').toString());
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    public void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
