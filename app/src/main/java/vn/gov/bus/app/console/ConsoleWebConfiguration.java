package vn.gov.bus.app.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console (docs/console.md): static files under {@code static/console/}, no build step.
 * Spring Boot serves a directory's index page only at the root, so {@code /console/} is forwarded
 * to its index here, and {@code /console} redirected to it (the page's relative links need the slash).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }
}
