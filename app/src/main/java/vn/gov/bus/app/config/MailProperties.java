package vn.gov.bus.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.gov.bus.connectors.mail.MailServerSettings;

/** The official mail server: the bus's mailbox, SMTP out, IMAP in; see docs/configuration.md. */
@Validated
@ConfigurationProperties("bus.mail")
public record MailProperties(
        @NotBlank String address,
        @NotBlank String name,
        @NotBlank String messageIdDomain,
        @NotBlank String messageIdSecret,
        @DefaultValue("02") @Pattern(regexp = "\\d\\d") String failureStatusCode,
        @DefaultValue("2m") Duration inFlightTimeout,
        @Valid @NotNull Server smtp,
        @Valid @NotNull Server imap,
        @Valid @NotNull Incoming incoming) {

    /** One server; an empty username means no authentication. */
    public record Server(@NotBlank String host, @Min(1) int port,
                         @DefaultValue("STARTTLS") MailServerSettings.Security security,
                         String username, String password,
                         @DefaultValue("10s") Duration connectTimeout,
                         @DefaultValue("60s") Duration timeout,
                         @DefaultValue("false") boolean trustAll) {

        public MailServerSettings settings() {
            return new MailServerSettings(host, port, security, username, password, connectTimeout, timeout, trustAll);
        }
    }

    /** The mailbox poller (route mail-incoming-poll). */
    public record Incoming(@DefaultValue("true") boolean enabled,
                           @DefaultValue("10s") Duration pollInterval,
                           @DefaultValue("50") @Min(1) int batch,
                           @DefaultValue("INBOX") String folder,
                           @DefaultValue("Processed") String processedFolder,
                           @DefaultValue("30MB") DataSize maxSize,
                           @DefaultValue("20") @Min(2) int maxDepth,
                           @DefaultValue("500") @Min(2) int maxParts,
                           List<String> defaultRecipients) {

        public Incoming {
            defaultRecipients = defaultRecipients == null ? List.of() : List.copyOf(defaultRecipients);
        }
    }
}
