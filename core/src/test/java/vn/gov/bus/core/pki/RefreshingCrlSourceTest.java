package vn.gov.bus.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLs fetched from a real HTTP server and from files, refreshed on a controlled clock. */
class RefreshingCrlSourceTest {

    static final Duration HOUR = Duration.ofHours(1);

    final TestPki pki = TestPki.get();
    final KeyMaterial laterRevoked = pki.intermediate.issueSigner("Signer revoked after start");
    final AtomicReference<byte[]> served = new AtomicReference<>();
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger requests = new AtomicInteger();
    final MutableClock clock = new MutableClock(Instant.now());
    HttpServer server;
    URI url;

    @TempDir
    Path dir;

    @BeforeEach
    void serveCrl() throws IOException {
        served.set(encoded(pki.crl));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ca.crl", exchange -> {
            requests.incrementAndGet();
            byte[] body = status.get() == 200 ? served.get() : new byte[0];
            exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crl");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void certificateRevokedInACrlServedOverHttpIsRejected() {
        CertificateValidator validator = validatorWith(new RefreshingCrlSource(List.of(url), HOUR,
                Duration.ofSeconds(5), clock));
        assertThat(validator.validate(pki.revoked.chain(), clock.instant()).reason())
                .isEqualTo(CertificateCheck.Reason.REVOKED);
        assertThat(validator.validate(pki.signer.chain(), clock.instant()).valid()).isTrue();
    }

    @Test
    void newerCrlIsPickedUpAfterTheRefreshIntervalAndNotBefore() {
        CertificateValidator validator = validatorWith(new RefreshingCrlSource(List.of(url), HOUR,
                Duration.ofSeconds(5), clock));
        served.set(encoded(pki.intermediate.issueCrl(List.of(pki.revoked.certificate(), laterRevoked.certificate()))));

        clock.advance(Duration.ofMinutes(59));
        assertThat(validator.validate(laterRevoked.chain(), clock.instant()).valid()).as("before the refresh").isTrue();
        assertThat(requests).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(validator.validate(laterRevoked.chain(), clock.instant()).reason())
                .isEqualTo(CertificateCheck.Reason.REVOKED);
        assertThat(requests).hasValue(2);
    }

    @Test
    void failedRefreshKeepsTheLastCrlRead() {
        CertificateValidator validator = validatorWith(new RefreshingCrlSource(List.of(url), HOUR,
                Duration.ofSeconds(5), clock));
        status.set(503);
        clock.advance(HOUR);
        assertThat(validator.validate(pki.revoked.chain(), clock.instant()).reason())
                .isEqualTo(CertificateCheck.Reason.REVOKED);
        assertThat(requests).hasValue(2);
    }

    @Test
    void crlFileReplacedOnDiskIsReadAgainAtTheNextRefresh() throws IOException {
        Path file = Files.write(dir.resolve("ca.crl"), encoded(pki.crl));
        CertificateValidator validator = validatorWith(new RefreshingCrlSource(
                List.of(RefreshingCrlSource.location(file.toString())), HOUR, Duration.ofSeconds(5), clock));
        Files.write(file, encoded(pki.intermediate.issueCrl(List.of(laterRevoked.certificate()))));
        clock.advance(HOUR);
        assertThat(validator.validate(laterRevoked.chain(), clock.instant()).reason())
                .isEqualTo(CertificateCheck.Reason.REVOKED);
    }

    @Test
    void unreadableLocationAtStartFailsNamingIt() {
        status.set(404);
        assertThatThrownBy(() -> new RefreshingCrlSource(List.of(url), HOUR, Duration.ofSeconds(5), clock))
                .isInstanceOf(PkiException.class).hasMessageContaining(url.toString()).hasMessageContaining("404");
        assertThatThrownBy(() -> new RefreshingCrlSource(List.of(RefreshingCrlSource.location(
                dir.resolve("missing.crl").toString())), HOUR, Duration.ofSeconds(5), clock))
                .isInstanceOf(PkiException.class).hasMessageContaining("missing.crl");
    }

    private CertificateValidator validatorWith(CrlSource crls) {
        return new CertificateValidator(pki.anchors(), crls);
    }

    private static byte[] encoded(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
