package vn.gov.bus.routes.mail;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the mail routes need to know about this bus's place on the official mail server (built by
 * the app from bus.mail.*; see docs/configuration.md).
 *
 * @param busAddress         the bus's official mailbox: From of every mail sent, and the inbox polled
 * @param busName            display name on the mails the bus sends
 * @param messageIdDomain    right-hand side of the Message-IDs the bus writes
 * @param defaultRecipients  local agencies that receive a mail whose addressees are no local
 *                           agency's address (e.g. everything sent to the province's general mailbox)
 * @param failureStatusCode  status code of the status package telling a sender that a mail
 *                           delivery failed (QCVN 102 has no code for it; see docs/operations.md)
 * @param inFlightTimeout    how long a send may be in progress before another attempt takes it over
 * @param messageIdSecret    key of the HMAC that makes the Message-IDs the bus writes: a bounce must
 *                           return the right one, which nobody without the key can compute
 */
public record MailChannelSettings(String busAddress, String busName, String messageIdDomain,
                                  List<String> defaultRecipients, String failureStatusCode,
                                  Duration inFlightTimeout, String messageIdSecret) {

    public MailChannelSettings {
        Objects.requireNonNull(busAddress, "busAddress");
        Objects.requireNonNull(messageIdDomain, "messageIdDomain");
        defaultRecipients = defaultRecipients == null ? List.of() : List.copyOf(defaultRecipients);
        Objects.requireNonNull(failureStatusCode, "failureStatusCode");
        Objects.requireNonNull(inFlightTimeout, "inFlightTimeout");
        if (messageIdSecret == null || messageIdSecret.isBlank()) {
            throw new IllegalArgumentException("bus.mail.message-id-secret must not be empty");
        }
    }

    @Override
    public String toString() {
        // never the secret
        return "MailChannelSettings[" + busAddress + ", Message-IDs @" + messageIdDomain + ", default recipients "
                + defaultRecipients + "]";
    }
}
