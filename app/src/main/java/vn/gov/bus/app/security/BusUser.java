package vn.gov.bus.app.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A person from {@code bus.security.users}: Spring Security's user plus the name the console shows. */
public final class BusUser extends User {

    private final String displayName;

    BusUser(String username, String passwordHash, Set<Role> roles, String displayName) {
        super(username, passwordHash, authorities(roles));
        this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    public String displayName() {
        return displayName;
    }

    static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
