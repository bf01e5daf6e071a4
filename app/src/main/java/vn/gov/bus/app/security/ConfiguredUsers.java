package vn.gov.bus.app.security;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The people of {@code bus.security.users}. Checked at start: each hash must be bcrypt, names unique,
 * and — unless {@code bus.security.allow-demo-users} — no hash may accept a demo password, so a
 * production bus cannot start with the passwords printed in the README.
 */
public final class ConfiguredUsers implements UserDetailsService {

    /** The demo passwords of the embedded default configuration (README, TestUsers). */
    static final List<String> DEMO_PASSWORDS = List.of("demo-admin", "demo-operator", "demo-auditor");

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private final Map<String, SecurityProperties.User> byName = new HashMap<>();

    public ConfiguredUsers(List<SecurityProperties.User> users, boolean allowDemoUsers) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        for (int i = 0; i < users.size(); i++) {
            SecurityProperties.User user = users.get(i);
            String key = "bus.security.users[" + i + "]";
            if (!BCRYPT.matcher(user.passwordHash()).matches()) {
                throw new IllegalStateException(key + ".password-hash of '" + user.username()
                        + "' is not a bcrypt hash ($2a$/$2b$/$2y$, e.g. from 'htpasswd -nbBC 12 user password')");
            }
            if (byName.put(user.username().toLowerCase(Locale.ROOT), user) != null) {
                throw new IllegalStateException(key + ".username '" + user.username() + "' is given twice");
            }
            if (!allowDemoUsers && DEMO_PASSWORDS.stream().anyMatch(p -> bcrypt.matches(p, user.passwordHash()))) {
                throw new IllegalStateException(key + ": user '" + user.username() + "' has a demo password, and "
                        + "bus.security.allow-demo-users is false: give every user a password of its own / người dùng '"
                        + user.username() + "' đang dùng mật khẩu mẫu");
            }
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SecurityProperties.User user = username == null ? null : byName.get(username.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return new BusUser(user.username(), user.passwordHash(), user.roles(), user.displayName());
    }

    public int size() {
        return byName.size();
    }
}
