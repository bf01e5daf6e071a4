package vn.gov.bus.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Everything a deployment changes about the bus itself; see docs/configuration.md. */
@Validated
@ConfigurationProperties("bus")
public record BusProperties(
        @NotNull Path dataDir,
        @Valid @NotNull Organisation organisation,
        @Valid @NotNull Pki pki,
        @Valid @NotNull Broker broker,
        @Valid @NotNull Axis axis,
        @Valid @NotNull Limits limits,
        @Valid @NotNull Directory directory,
        @Valid @NotNull Simulators simulators) {

    /** The province or ministry this bus speaks for. */
    public record Organisation(@NotBlank String organId, @NotBlank String name, @NotBlank String centreCode) {
    }

    /**
     * Empty keystore = generate or reuse a development PKI under {data-dir}/pki. Received
     * packages are verified against the trust store's anchors (or the development root) plus
     * {@code extraTrustAnchors} (PEM files), with revocation from {@code crlFiles} and
     * {@code crlUrls}, all read again every {@code crlRefreshInterval}.
     */
    public record Pki(Path keystore, String keystorePassword, String keyAlias,
                      Path truststore, String truststorePassword,
                      List<Path> extraTrustAnchors, List<Path> crlFiles, List<URI> crlUrls,
                      @DefaultValue("1h") Duration crlRefreshInterval, boolean allowSha1) {

        public Pki {
            extraTrustAnchors = extraTrustAnchors == null ? List.of() : List.copyOf(extraTrustAnchors);
            crlFiles = crlFiles == null ? List.of() : List.copyOf(crlFiles);
            crlUrls = crlUrls == null ? List.of() : List.copyOf(crlUrls);
            crlRefreshInterval = crlRefreshInterval == null ? Duration.ofHours(1) : crlRefreshInterval;
        }

        public boolean development() {
            return keystore == null || keystore.toString().isBlank();
        }
    }

    /** Empty url = embedded broker; redelivery applies to the delivery queues. */
    public record Broker(String url,
                         @DefaultValue("1s") Duration redeliveryDelay,
                         @DefaultValue("2.0") double redeliveryMultiplier,
                         @DefaultValue("5m") Duration maxRedeliveryDelay,
                         @DefaultValue("10") int maxDeliveryAttempts,
                         @DefaultValue("200us") Duration journalBufferTimeout) {
    }

    public record Axis(@NotNull URI endpoint, @NotBlank String systemId, @NotBlank String secret,
                       @DefaultValue("5s") Duration connectTimeout,
                       @DefaultValue("60s") Duration requestTimeout,
                       @DefaultValue("10s") Duration pollInterval) {
    }

    public record Limits(@DefaultValue("80MB") DataSize maxPackageSize,
                         @DefaultValue("50MB") DataSize maxAttachmentSize,
                         @DefaultValue("64") int maxXmlDepth) {
    }

    /**
     * The seed of local agencies (and a few national ones until the axis directory is synchronised),
     * and the periodic synchronisation from the axis (route axis-directory-sync reads these keys).
     */
    public record Directory(@NotBlank String seed,
                            @DefaultValue("true") boolean syncEnabled,
                            @DefaultValue("6h") Duration syncInterval,
                            @DefaultValue("30s") Duration syncInitialDelay) {
    }

    /** Built-in simulators of the external systems, for the embedded demo. */
    public record Simulators(boolean enabled,
                             @DefaultValue("18600") int axisPort,
                             @DefaultValue("110000") int axisDirectorySize,
                             @DefaultValue("true") boolean demoTraffic,
                             @DefaultValue("15s") Duration demoInterval) {
    }
}
