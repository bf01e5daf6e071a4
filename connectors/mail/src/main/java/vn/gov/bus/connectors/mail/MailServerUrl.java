package vn.gov.bus.connectors.mail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A mail server's address, security and user name written as one URL, the form administrators
 * read and change (route settings {@code endpointUrl}):
 * <ul>
 * <li>{@code smtps://[user@]host[:port]}, {@code imaps://…}: implicit TLS;</li>
 * <li>{@code smtp://[user@]host[:port]}, {@code imap://…}: STARTTLS, required — a server that does
 *     not offer it is refused, never used in plain text;</li>
 * <li>{@code smtp://host:port?security=none}, {@code imap://…?security=none}: plain text, said
 *     explicitly (the embedded simulators).</li>
 * </ul>
 * The user name is not a secret and may be given (an {@code @} in it percent-encoded); a password
 * never is. Without a user the configured one stays; without a port the service's standard one
 * applies (smtp 587, smtps 465, imap 143, imaps 993). Timeouts and certificate trust always come
 * from configuration. {@link #of} writes every part out, so a URL read back and put again changes
 * nothing.
 */
public final class MailServerUrl {

    /** The two mail services the bus uses, with their standard ports (RFC 6409, RFC 8314, RFC 9051). */
    public enum Service {
        SMTP("smtp", 587, 465),
        IMAP("imap", 143, 993);

        private final String scheme;
        private final int port;
        private final int tlsPort;

        Service(String scheme, int port, int tlsPort) {
            this.scheme = scheme;
            this.port = port;
            this.tlsPort = tlsPort;
        }

        /** The plain (STARTTLS or none) scheme and the implicit-TLS one. */
        public Set<String> schemes() {
            return Set.of(scheme, tlsScheme());
        }

        private String tlsScheme() {
            return scheme + "s";
        }
    }

    /** A URL that breaks one of the rules; {@link #rule()} names which. */
    public static final class InvalidMailServerUrl extends IllegalArgumentException {
        private final String rule;

        InvalidMailServerUrl(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        /** {@code url}, {@code no-credentials}, {@code no-path}, {@code port}, {@code query-parameter} or {@code security}. */
        public String rule() {
            return rule;
        }
    }

    static final String SECURITY_PARAMETER = "security";
    static final String PLAIN_TEXT = "none";

    private MailServerUrl() {
    }

    /** The URL that describes {@code settings} (never the password). */
    public static URI of(Service service, MailServerSettings settings) {
        StringBuilder url = new StringBuilder(settings.security() == MailServerSettings.Security.TLS
                ? service.tlsScheme() : service.scheme).append("://");
        if (settings.authenticated()) {
            url.append(encodeUser(settings.username())).append('@');
        }
        String host = settings.host();
        url.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                .append(':').append(settings.port());
        if (settings.security() == MailServerSettings.Security.NONE) {
            url.append('?').append(SECURITY_PARAMETER).append('=').append(PLAIN_TEXT);
        }
        return URI.create(url.toString());
    }

    /**
     * The settings {@code url} describes, the rest (user name when the URL has none, password,
     * timeouts, trust) taken from {@code base}.
     *
     * @throws InvalidMailServerUrl naming the rule the URL breaks
     */
    public static MailServerSettings settings(Service service, URI url, MailServerSettings base) {
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null || !service.schemes().contains(scheme)) {
            throw new InvalidMailServerUrl("url", "the " + service + " server must be given as " + service.scheme
                    + "://[user@]host[:port] or " + service.tlsScheme() + "://[user@]host[:port], got '" + url + "'");
        }
        String rawUser = url.getRawUserInfo();
        if (rawUser != null && (rawUser.isEmpty() || rawUser.contains(":"))) {
            throw new InvalidMailServerUrl("no-credentials",
                    "the " + service + " server's URL may name the user but never a password");
        }
        if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !"/".equals(url.getRawPath())
                || url.getRawFragment() != null) {
            throw new InvalidMailServerUrl("no-path", "the " + service + " server's URL has no path or fragment, got '"
                    + url.getRawPath() + (url.getRawFragment() == null ? "" : "#" + url.getRawFragment()) + "'");
        }
        boolean tls = scheme.equals(service.tlsScheme());
        boolean plainText = plainTextAsked(service, url.getRawQuery());
        if (plainText && tls) {
            throw new InvalidMailServerUrl("security", "security=none contradicts " + scheme
                    + "://, which is implicit TLS; plain text is " + service.scheme + "://host:port?security=none");
        }
        int port = url.getPort() == -1 ? (tls ? service.tlsPort : service.port) : url.getPort();
        if (port < 1 || port > 65535) {
            throw new InvalidMailServerUrl("port", "the " + service + " server's port must be 1 to 65535, got " + port);
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        MailServerSettings.Security security = tls ? MailServerSettings.Security.TLS
                : plainText ? MailServerSettings.Security.NONE : MailServerSettings.Security.STARTTLS;
        return base.withServer(host, port, security, url.getUserInfo() != null ? url.getUserInfo() : base.username());
    }

    private static boolean plainTextAsked(Service service, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return false;
        }
        boolean plainText = false;
        for (String parameter : rawQuery.split("&", -1)) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            String value = eq < 0 ? "" : parameter.substring(eq + 1);
            if (!SECURITY_PARAMETER.equals(name)) {
                throw new InvalidMailServerUrl("query-parameter", "the " + service + " server's URL knows only the "
                        + "parameter security=none, got '" + parameter + "'");
            }
            if (!PLAIN_TEXT.equals(value)) {
                throw new InvalidMailServerUrl("security", "security can only be 'none' (plain text, said explicitly);"
                        + " TLS is the scheme " + service.tlsScheme() + "://, STARTTLS the scheme " + service.scheme
                        + "://, got '" + value + "'");
            }
            plainText = true;
        }
        return plainText;
    }

    /** Percent-encodes what may not stand in a URL's user part ({@code @}, {@code :}, non-ASCII, …). */
    private static String encodeUser(String user) {
        StringBuilder out = new StringBuilder();
        for (byte b : user.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
