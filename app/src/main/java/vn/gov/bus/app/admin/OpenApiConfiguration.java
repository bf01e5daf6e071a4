package vn.gov.bus.app.admin;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document the bus serves at /v3/api-docs (UI: /swagger-ui), springdoc-generated. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI busOpenApi() {
        return new OpenAPI().info(new Info()
                .title("bus — REST API")
                .description("Administration (routes, queues and dead letters, agency directory), quarantine, "
                        + "document tracking, reconciliations, audit and enterprise lookup. Errors are JSON "
                        + "{code, field, rule, message, messageVi}; see docs/administration.md.")
                .version("v1")
                .license(new License().name("open source")));
    }
}
