package vn.gov.bus.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bank, payment-platform and tax feeds and the reconciliation (docs/feeds.md). The endpoint
 * URIs of each feed ({@code bus.feeds.<feed>.uri}, {@code .reason-uri}, {@code .enabled}) are
 * Camel endpoint URIs read by the routes themselves; see docs/configuration.md.
 */
@Validated
@ConfigurationProperties("bus.feeds")
public record FeedsProperties(
        @NotNull Path workDir,
        @NotNull ZoneId zone,
        @Valid @NotNull Reconciliation reconciliation,
        @Valid @NotNull OneStop oneStop,
        @Valid @NotNull Mail mail,
        @NotBlank String reportsUri,
        @NotBlank String taxConfirmationsUri,
        @Valid @NotNull Simulator simulator) {

    /**
     * @param settlementWindow   longest normal delay between payment and the bank's credit
     * @param lookbackDays       earlier days whose unsettled payments a statement may settle
     * @param dossierCodePattern regular expression of a dossier code, found in transfer texts
     */
    public record Reconciliation(@DefaultValue("4h") Duration settlementWindow,
                                 @DefaultValue("1") @Min(0) int lookbackDays,
                                 @NotBlank String dossierCodePattern) {
    }

    public record OneStop(@NotNull URI endpoint,
                          @DefaultValue("5s") Duration connectTimeout,
                          @DefaultValue("30s") Duration requestTimeout) {
    }

    /** @param uri camel-mail SMTP endpoint; empty = no summary mail */
    public record Mail(String uri, List<String> to) {
        public Mail {
            to = to == null ? List.of() : to.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        }
    }

    /**
     * The embedded drop boxes and one-stop system (with bus.simulators.enabled). Port 0 = a free
     * port chosen at start (logged), which the feed URIs then use.
     */
    public record Simulator(@DefaultValue("127.0.0.1") String host,
                            @DefaultValue("0") int sftpPort,
                            @DefaultValue("0") int ftpPort,
                            @DefaultValue("0") int oneStopPort,
                            @NotBlank String user,
                            @NotBlank String password,
                            @DefaultValue("true") boolean demoTraffic,
                            @DefaultValue("60s") Duration demoInterval,
                            @NotBlank String account) {
    }
}
