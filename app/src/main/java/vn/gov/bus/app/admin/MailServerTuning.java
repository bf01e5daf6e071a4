package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.gov.bus.connectors.mail.ImapMailbox;
import vn.gov.bus.connectors.mail.MailServerSettings;
import vn.gov.bus.connectors.mail.MailServerUrl;
import vn.gov.bus.connectors.mail.MailServerUrl.InvalidMailServerUrl;
import vn.gov.bus.connectors.mail.MailServerUrl.Service;
import vn.gov.bus.connectors.mail.SmtpMailSender;

/**
 * The official mail server's endpoints as route settings: the SMTP submission server (and its
 * password) of {@code deliver-mail} — the failure notices share the same sender — and the IMAP
 * mailbox (and its password) of {@code mail-incoming-poll}. The URL form is {@link MailServerUrl}'s;
 * the user name, timeouts and certificate trust not given in it come from {@code bus.mail.*}.
 */
public final class MailServerTuning implements TunableConnector {

    public static final String SMTP_ROUTE_ID = "deliver-mail";
    public static final String IMAP_ROUTE_ID = "mail-incoming-poll";

    private final String routeId;
    private final Service service;
    private final MailServerSettings configured;
    private final Supplier<MailServerSettings> inForce;
    private final Consumer<MailServerSettings> reconfigure;

    private MailServerTuning(String routeId, Service service, MailServerSettings configured,
                             Supplier<MailServerSettings> inForce, Consumer<MailServerSettings> reconfigure) {
        this.routeId = routeId;
        this.service = service;
        this.configured = configured;
        this.inForce = inForce;
        this.reconfigure = reconfigure;
    }

    public static MailServerTuning smtp(SmtpMailSender sender, MailServerSettings configured) {
        return new MailServerTuning(SMTP_ROUTE_ID, Service.SMTP, configured, sender::settings, sender::reconfigure);
    }

    public static MailServerTuning imap(ImapMailbox mailbox, MailServerSettings configured) {
        return new MailServerTuning(IMAP_ROUTE_ID, Service.IMAP, configured, mailbox::settings, mailbox::reconfigure);
    }

    @Override
    public String routeId() {
        return routeId;
    }

    @Override
    public URI endpoint() {
        return MailServerUrl.of(service, inForce.get());
    }

    @Override
    public URI parseEndpoint(String text) {
        URI url = EndpointUrls.parse(text, service.schemes(), true);
        settingsOf(url);
        return url;
    }

    /** Synchronized: two administrators may call at once, and the last one's settings must be the ones in force. */
    @Override
    public synchronized void apply(URI endpoint, String secret) {
        MailServerSettings next = (endpoint == null ? configured : settingsOf(endpoint))
                .withPassword(secret != null ? secret : configured.password());
        if (next.authenticated() && (next.password() == null || next.password().isEmpty())) {
            throw ApiProblem.invalid("credentialsRef", "secret-for-user",
                    "the " + service + " user " + next.username() + " has no password: name its secret in credentialsRef",
                    "tài khoản " + service + " " + next.username() + " chưa có mật khẩu: hãy ghi tên bí mật vào credentialsRef");
        }
        reconfigure.accept(next);
    }

    private MailServerSettings settingsOf(URI url) {
        try {
            return MailServerUrl.settings(service, url, configured);
        } catch (InvalidMailServerUrl e) {
            throw ApiProblem.invalid("endpointUrl", e.rule(), "endpointUrl: " + e.getMessage(),
                    "endpointUrl không hợp lệ (" + e.rule() + "): " + vietnamese(e.rule()));
        }
    }

    private String vietnamese(String rule) {
        String scheme = service.name().toLowerCase(java.util.Locale.ROOT);
        return switch (rule) {
            case "no-credentials" -> "chỉ được ghi tên đăng nhập, không được chứa mật khẩu; hãy dùng credentialsRef";
            case "no-path" -> "địa chỉ máy chủ thư không có đường dẫn hay phân đoạn (#)";
            case "port" -> "cổng phải từ 1 đến 65535";
            case "query-parameter" -> "chỉ chấp nhận tham số security=none";
            case "security" -> "security chỉ nhận giá trị none (văn bản thuần, chỉ dùng cho máy giả lập) và không dùng"
                    + " với " + scheme + "s://; TLS là " + scheme + "s://, STARTTLS là " + scheme + "://";
            default -> "phải có dạng " + scheme + "://[user@]host[:port] hoặc " + scheme + "s://[user@]host[:port]";
        };
    }
}
