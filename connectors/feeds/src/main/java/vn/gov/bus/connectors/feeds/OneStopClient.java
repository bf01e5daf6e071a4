package vn.gov.bus.connectors.feeds;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one-stop system's (một cửa) HTTP API as the bus uses it for tax notices: is this dossier
 * known, and here is its tax notice. Forwarding is idempotent on the one-stop side (the same
 * notice number again is answered 200), so a notice whose file move was interrupted may be
 * forwarded again safely.
 */
public final class OneStopClient {

    /** The one-stop system did not answer as expected: retried with the file on the next poll. */
    public static final class OneStopUnavailableException extends RuntimeException {
        public OneStopUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public OneStopClient(URI base, Duration connectTimeout, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public boolean dossierExists(String dossierCode) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/dossiers/" + encode(dossierCode))).timeout(timeout)
                .GET().build());
        if (r.statusCode() == 200) {
            return true;
        }
        if (r.statusCode() == 404) {
            return false;
        }
        throw new OneStopUnavailableException("one-stop GET dossier answered " + r.statusCode(), null);
    }

    /** Forwards the notice's XML; true when accepted now, false when it already had it. */
    public boolean forward(String dossierCode, byte[] noticeXml) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/dossiers/" + encode(dossierCode) + "/tax-notices"))
                .timeout(timeout).header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(noticeXml)).build());
        if (r.statusCode() == 201) {
            return true;
        }
        if (r.statusCode() == 200) {
            return false;
        }
        throw new OneStopUnavailableException("one-stop POST tax notice answered " + r.statusCode() + ": " + r.body(), null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OneStopUnavailableException("one-stop system unreachable at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OneStopUnavailableException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return base.resolve(path);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
