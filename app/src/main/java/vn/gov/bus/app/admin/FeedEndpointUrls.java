package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.util.URISupport;

/**
 * The {@code endpointUrl} of a file feed: {@code sftp://user@host[:port]/directory} (or
 * {@code ftp://}, {@code ftps://} for an FTP feed) — where the feed's files are, and nothing else.
 * The route's configured options (known_hosts, strict host key checking, done files, read lock,
 * work directory, move) stay as configured, so a URL carrying a query is refused rather than
 * silently half-applied; the password goes by reference ({@code credentialsRef}).
 *
 * <p>The directory follows Camel's convention: {@code /bank/statements} is relative to the login
 * directory, {@code //srv/bank/statements} is absolute.
 */
final class FeedEndpointUrls {

    static final Set<String> SCHEMES = Set.of("sftp", "ftp", "ftps");

    private FeedEndpointUrls() {
    }

    /** A proposed URL for a route whose consumer speaks {@code scheme}; refusals name field and rule. */
    static URI parse(String text, String scheme) {
        URI uri = EndpointUrls.parse(text, SCHEMES, true);
        if (!uri.getScheme().toLowerCase(Locale.ROOT).equals(scheme)) {
            throw ApiProblem.invalid("endpointUrl", "scheme-unchanged",
                    "endpointUrl must keep this route's scheme " + scheme + "://, got " + uri.getScheme()
                            + "://; another protocol needs another route",
                    "endpointUrl phải giữ giao thức " + scheme + ":// của tuyến; giao thức khác cần một tuyến khác");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw ApiProblem.invalid("endpointUrl", "no-options",
                    "endpointUrl names only user, host, port and directory; the route's options (known hosts, "
                            + "done files, read lock …) stay as configured, so remove '?" + uri.getRawQuery() + "'",
                    "endpointUrl chỉ gồm tên đăng nhập, máy chủ, cổng và thư mục; các tùy chọn của tuyến giữ "
                            + "nguyên theo cấu hình, hãy bỏ phần sau dấu '?'");
        }
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/") || path.equals("//")) {
            throw ApiProblem.invalid("endpointUrl", "directory",
                    "endpointUrl must name the directory of the feed's files, e.g. " + scheme
                            + "://user@host:22/bank/statements",
                    "endpointUrl phải có thư mục chứa tệp của luồng dữ liệu");
        }
        try {
            return new URI(scheme, uri.getUserInfo(), uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL shown for what is in force (never a password). */
    static URI shown(String scheme, String user, String host, int port, String directory) {
        String dir = directory == null ? "" : directory;
        try {
            return new URI(scheme, user == null || user.isEmpty() ? null : user, host, port,
                    dir.startsWith("/") ? "/" + dir : "/" + dir, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the feed endpoint in force cannot be shown as a URL", e);
        }
    }

    /**
     * The Camel endpoint URI pointing {@code configured} (the route's endpoint URI as configured,
     * placeholders resolved) at {@code target}: scheme, user, host, port and directory from the
     * target (its user, when it names none: {@code currentUser}), every option kept except the
     * password, replaced by {@code secret} when given, and the consumer's delay when given (an
     * administrator may have retuned it).
     */
    static String retarget(String configured, URI target, String currentUser, String secret, Long delayMillis) {
        int q = configured.indexOf('?');
        String query = q < 0 ? "" : configured.substring(q + 1);
        Map<String, Object> options;
        try {
            options = new LinkedHashMap<>(URISupport.parseQuery(query, true));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the route's endpoint options cannot be read", e);
        }
        String user = target.getUserInfo() != null ? target.getUserInfo() : currentUser;
        options.remove("username");
        if (secret != null) {
            options.put("password", raw(secret));
        }
        if (delayMillis != null) {
            options.put("delay", String.valueOf(delayMillis));
        }
        StringBuilder uri = new StringBuilder(target.getScheme()).append("://");
        if (user != null && !user.isEmpty()) {
            uri.append(user).append('@');
        }
        uri.append(target.getHost());
        if (target.getPort() > 0) {
            uri.append(':').append(target.getPort());
        }
        uri.append(target.getPath());
        String rebuilt = URISupport.createQueryString(options, false);
        return rebuilt.isEmpty() ? uri.toString() : uri.append('?').append(rebuilt).toString();
    }

    /** Camel's RAW() keeps the secret as it is (no URL decoding, '&' and '+' allowed). */
    private static String raw(String secret) {
        if (secret.contains("{{")) {
            // Camel would read it as a property placeholder
            throw new IllegalArgumentException("a feed's secret must not contain '{{'");
        }
        if (!secret.contains(")")) {
            return "RAW(" + secret + ")";
        }
        if (!secret.contains("}")) {
            return "RAW{" + secret + "}";
        }
        throw new IllegalArgumentException("a feed's secret must not contain both ')' and '}' (Camel's RAW syntax)");
    }
}
