package vn.gov.bus.app.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code GET /login} is the static login page (static/login.html; the console's engineer may
 * restyle it there); {@code GET /login/options} tells it whether to offer OIDC providers.
 */
@Configuration(proxyBeanMethods = false)
public class LoginPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("forward:/login.html");
    }

    @RestController
    static class Options {

        private final SecurityProperties security;
        private final ObjectProvider<ClientRegistrationRepository> registrations;

        Options(SecurityProperties security, ObjectProvider<ClientRegistrationRepository> registrations) {
            this.security = security;
            this.registrations = registrations;
        }

        public record Provider(String id, String name, String url) {
        }

        public record LoginOptions(boolean password, List<Provider> providers) {
        }

        @GetMapping("/login/options")
        LoginOptions options() {
            List<Provider> providers = new ArrayList<>();
            if (security.oidc().enabled()
                    && registrations.getIfAvailable() instanceof InMemoryClientRegistrationRepository known) {
                for (ClientRegistration r : known) {
                    providers.add(new Provider(r.getRegistrationId(), r.getClientName(),
                            "/oauth2/authorization/" + r.getRegistrationId()));
                }
            }
            return new LoginOptions(true, providers);
        }
    }
}
