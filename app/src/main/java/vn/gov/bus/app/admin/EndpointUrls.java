package vn.gov.bus.app.admin;

import vn.gov.bus.app.api.ApiProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The rules every connector's {@code endpointUrl} shares: an absolute URL of one of the
 * connector's schemes, with a host, and never a password (credentials go by reference, in
 * {@code credentialsRef}). Connectors that log in with a user name (mail, SFTP) may carry it.
 */
public final class EndpointUrls {

    private EndpointUrls() {
    }

    /** An absolute http(s) URL with a host and no user information (the axis, the registry). */
    public static URI http(String text) {
        return parse(text, Set.of("http", "https"), false);
    }

    /**
     * @param schemes      accepted schemes, lower case
     * @param userAllowed  a user name (without password) may precede the host
     */
    public static URI parse(String text, Set<String> schemes, boolean userAllowed) {
        String listed = String.join(", ", schemes.stream().sorted().map(s -> s + "://").toList());
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null
                || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            String rule = schemes.equals(Set.of("http", "https")) ? "http-url" : "url";
            throw ApiProblem.invalid("endpointUrl", rule,
                    "endpointUrl must be an absolute URL (" + listed + ") with a host, got '" + text + "'",
                    "endpointUrl phải là địa chỉ đầy đủ (" + listed + ") có tên máy chủ");
        }
        String user = uri.getRawUserInfo();
        if (user != null && (!userAllowed || user.contains(":") || user.isEmpty())) {
            throw ApiProblem.invalid("endpointUrl", "no-credentials",
                    userAllowed ? "endpointUrl may name the user but never a password; name the secret in credentialsRef"
                            : "endpointUrl must not carry a user or password; name the secret in credentialsRef",
                    userAllowed ? "endpointUrl chỉ được ghi tên đăng nhập, không được chứa mật khẩu; hãy dùng credentialsRef"
                            : "endpointUrl không được chứa tên đăng nhập hay mật khẩu; hãy dùng credentialsRef");
        }
        return uri;
    }
}
