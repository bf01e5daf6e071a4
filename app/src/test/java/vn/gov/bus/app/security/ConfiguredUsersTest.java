package vn.gov.bus.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConfiguredUsersTest {

    static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    @Test
    void aDemoPasswordStopsTheBusWhenDemoUsersAreNotAllowedWhateverItsSalt() {
        // a fresh hash of the demo password, not the one shipped: the check compares passwords, not strings
        List<SecurityProperties.User> users = List.of(
                new SecurityProperties.User("an", BCRYPT.encode("a-real-password"), Set.of(Role.ADMIN), "An"),
                new SecurityProperties.User("operator", BCRYPT.encode("demo-operator"), Set.of(Role.OPERATOR), null));
        assertThatThrownBy(() -> new ConfiguredUsers(users, false))
                .hasMessageContaining("bus.security.users[1]").hasMessageContaining("'operator' has a demo password")
                .hasMessageContaining("allow-demo-users");
        assertThat(new ConfiguredUsers(users, true).size()).isEqualTo(2);
    }

    @Test
    void theShippedDemoHashesAreDemoPasswords() throws Exception {
        String yaml = new String(ConfiguredUsersTest.class.getResourceAsStream("/application.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String password : ConfiguredUsers.DEMO_PASSWORDS) {
            assertThat(yaml.lines().filter(l -> l.strip().startsWith("password-hash: $2"))
                    .map(l -> l.strip().substring("password-hash: ".length()))
                    .anyMatch(hash -> BCRYPT.matches(password, hash))).as(password).isTrue();
        }
    }

    @Test
    void aPasswordInsteadOfAHashAndATwiceGivenNameAreRefusedNamingTheEntry() {
        assertThatThrownBy(() -> new ConfiguredUsers(List.of(
                new SecurityProperties.User("an", "secret", Set.of(Role.ADMIN), null)), true))
                .hasMessageContaining("bus.security.users[0].password-hash").hasMessageContaining("not a bcrypt hash");
        String hash = BCRYPT.encode("x-password");
        assertThatThrownBy(() -> new ConfiguredUsers(List.of(
                new SecurityProperties.User("An", hash, Set.of(Role.ADMIN), null),
                new SecurityProperties.User("an", hash, Set.of(Role.AUDITOR), null)), true))
                .hasMessageContaining("bus.security.users[1].username 'an' is given twice");
    }

    @Test
    void usersAreFoundWithoutRegardToCaseWithTheirRolesAndDisplayName() {
        ConfiguredUsers users = new ConfiguredUsers(List.of(new SecurityProperties.User("Nguyen.Van.An",
                BCRYPT.encode("p-123456"), Set.of(Role.ADMIN, Role.AUDITOR), "Nguyễn Văn An")), false);
        BusUser found = (BusUser) users.loadUserByUsername("nguyen.van.an");
        assertThat(found.displayName()).isEqualTo("Nguyễn Văn An");
        assertThat(found.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_AUDITOR");
        assertThatThrownBy(() -> users.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
    }
}
