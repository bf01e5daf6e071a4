package vn.gov.bus.core.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs from local files and from URLs (a CA's distribution point, or a mirror inside the
 * government network), read at start and read again every {@code refreshInterval}, or sooner
 * when one of them has passed its nextUpdate. Without the refresh a CRL would go stale and, the
 * validator accepting certificates whose issuer has no current CRL, revocation would silently stop
 * being checked. A location that cannot be read at start fails the start (a typo must not mean
 * "no revocation"); one that fails later keeps its last good CRLs and is logged at WARN each time.
 */
public final class RefreshingCrlSource implements CrlSource {

    private static final Logger log = LoggerFactory.getLogger(RefreshingCrlSource.class);

    private final List<URI> locations;
    private final Duration refreshInterval;
    private final Duration fetchTimeout;
    private final Clock clock;
    private final HttpClient http;
    private final Map<URI, List<X509CRL>> current = new LinkedHashMap<>();
    private Instant nextRefresh;
    private List<X509CRL> all = List.of();

    /**
     * @param locations       {@code file:} URIs or plain paths' URIs, and {@code http(s):} URLs
     * @param refreshInterval how often every location is read again
     * @param fetchTimeout    connect and read timeout of a URL
     */
    public RefreshingCrlSource(List<URI> locations, Duration refreshInterval, Duration fetchTimeout, Clock clock) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no CRL location: use CrlSource.none() to switch revocation off");
        }
        this.locations = List.copyOf(locations);
        this.refreshInterval = refreshInterval;
        this.fetchTimeout = fetchTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(fetchTimeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (URI location : this.locations) {
            try {
                current.put(location, load(location));
            } catch (PkiException e) {
                throw new PkiException(location + ": cannot read CRL at start: " + e.getMessage(), e);
            }
        }
        all = flatten();
        nextRefresh = clock.instant().plus(refreshInterval);
    }

    /** A location given in configuration: a URL with a scheme, or a file path. */
    public static URI location(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")
                ? URI.create(v) : Path.of(v).toAbsolutePath().toUri();
    }

    @Override
    public synchronized List<X509CRL> crls() {
        Instant now = clock.instant();
        if (!now.isBefore(nextRefresh) || anyPastNextUpdate(now)) {
            refresh(now);
        }
        return all;
    }

    private void refresh(Instant now) {
        for (URI location : locations) {
            try {
                current.put(location, load(location));
            } catch (PkiException e) {
                log.warn("CRL {} not refreshed, the last one read is kept: {}", location, e.getMessage());
            }
        }
        all = flatten();
        nextRefresh = now.plus(refreshInterval);
        for (X509CRL crl : all) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                log.warn("CRL of {} is stale (next update was due {}): certificates it covers are not checked for"
                        + " revocation until a newer one is read", crl.getIssuerX500Principal(), crl.getNextUpdate());
            }
        }
    }

    private boolean anyPastNextUpdate(Instant now) {
        // A stale CRL is retried at most once a minute, not at every verification.
        if (now.isBefore(nextRefresh.minus(refreshInterval).plus(Duration.ofMinutes(1)))) {
            return false;
        }
        return all.stream().anyMatch(c -> c.getNextUpdate() != null && c.getNextUpdate().toInstant().isBefore(now));
    }

    private List<X509CRL> load(URI location) {
        byte[] bytes = read(location);
        List<X509CRL> crls = new ArrayList<>();
        try {
            for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(bytes))) {
                crls.add((X509CRL) crl);
            }
        } catch (CertificateException | CRLException e) {
            throw new PkiException("not a CRL (PEM or DER): " + e.getMessage(), e);
        }
        if (crls.isEmpty()) {
            throw new PkiException("no CRL found");
        }
        return List.copyOf(crls);
    }

    private byte[] read(URI location) {
        String scheme = location.getScheme() == null ? "file" : location.getScheme().toLowerCase(Locale.ROOT);
        try {
            if (scheme.equals("file")) {
                return Files.readAllBytes(Path.of(location));
            }
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(location).timeout(fetchTimeout).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new PkiException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new PkiException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PkiException("interrupted", e);
        }
    }

    private List<X509CRL> flatten() {
        List<X509CRL> flat = new ArrayList<>();
        current.values().forEach(flat::addAll);
        return List.copyOf(flat);
    }

    @Override
    public String toString() {
        return "CRLs from " + locations + " (refreshed every " + refreshInterval + ")";
    }
}
