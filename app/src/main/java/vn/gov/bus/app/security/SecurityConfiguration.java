package vn.gov.bus.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.bus.core.audit.AuditTrail;

/**
 * Who may call what (docs/security.md; the role matrix is the contract between the engineers of
 * the bus). Two filter chains: the systems' endpoints keep their own per-system checks (tokens, or
 * a client certificate mapped here); everything else is for people, with one explicit rule per
 * path of the matrix and denial for anything not listed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Same-origin SPA with no inline script or style; nothing may frame the bus. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String[] PEOPLE = {Role.ADMIN.name(), Role.OPERATOR.name(), Role.AUDITOR.name()};
    private static final String ADMIN = Role.ADMIN.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    @Bean
    ConfiguredUsers configuredUsers(SecurityProperties security) {
        ConfiguredUsers users = new ConfiguredUsers(security.users(), security.allowDemoUsers());
        if (security.allowDemoUsers()) {
            log.warn("bus.security.allow-demo-users=true: demo passwords are accepted (never in production) / "
                    + "đang cho phép mật khẩu mẫu");
        }
        log.info("{} configured user(s); OIDC login {}", users.size(), security.oidc().enabled() ? "on" : "off");
        return users;
    }

    @Bean
    ClientAddress clientAddress(SecurityProperties security) {
        return new ClientAddress(security.trustedProxies());
    }

    @Bean
    SecurityAudit securityAudit(AuditTrail audit) {
        return new SecurityAudit(audit);
    }

    @Bean
    LoginThrottle loginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, SecurityProperties security,
                                Clock clock) {
        return new LoginThrottle(jdbc, new TransactionTemplate(transactions), security.loginThrottle(), clock);
    }

    @Bean
    JsonSecurityErrors jsonSecurityErrors(ObjectMapper json, Clock clock) {
        return new JsonSecurityErrors(json, clock);
    }

    /** Systems: their endpoints check the per-system token (or take the certificate's system); no session, no CSRF. */
    @Bean
    @Order(1)
    SecurityFilterChain systemsChain(HttpSecurity http, SecurityProperties security, JsonSecurityErrors errors)
            throws Exception {
        http.securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
                        path(null, "/services/**"), path(null, "/api/v1/enterprises/**")))
                // systems send no cookies: their credentials are in each request, so there is nothing to forge
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .addFilterBefore(new ClientCertificateFilter(security.clientCertificates()),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors.entryPoint()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleChain(HttpSecurity http, SecurityProperties security, ConfiguredUsers users,
                                    LoginThrottle throttle, SecurityAudit audit, ClientAddress addresses,
                                    JsonSecurityErrors errors,
                                    ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(new BCryptPasswordEncoder());
        // no parent manager: a password refused here must not be tried again, unthrottled, elsewhere
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.authenticationProvider(new ThrottledAuthenticationProvider(passwords, throttle, audit));

        AuthenticationSuccessHandler loggedIn = (request, response, who) -> {
            audit.loginSucceeded(who, addresses.of(request), who.getClass().getSimpleName().startsWith("OAuth2")
                    ? "oidc" : "form");
            response.sendRedirect(request.getContextPath() + "/console/");
        };
        AuthenticationFailureHandler loginFailed = (request, response, e) -> {
            if (e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oidc) {
                audit.oidcLoginRefused(addresses.of(request), oidc.getError().getErrorCode());
            }
            response.sendRedirect(request.getContextPath()
                    + (e instanceof LoginThrottledException ? "/login?throttled" : "/login?error"));
        };
        CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(c -> c.path("/").sameSite("Strict"));

        http.authorizeHttpRequests(a -> a
                        .requestMatchers(path(null, "/error")).permitAll()
                        .requestMatchers(path(GET, "/login"), path(GET, "/login/options"), path(GET, "/login.html"),
                                path(GET, "/login.css"), path(GET, "/login.js")).permitAll()
                        .requestMatchers(path(GET, "/console"), path(GET, "/console/**")).permitAll()
                        .requestMatchers(path(GET, "/actuator/health"), path(GET, "/actuator/health/**")).permitAll()
                        .requestMatchers(path(GET, "/actuator/prometheus"))
                        .hasAnyAuthority(Role.ADMIN.authority(), ScrapeTokenFilter.AUTHORITY)
                        .requestMatchers(path(GET, "/api/me")).hasAnyRole(PEOPLE)
                        .requestMatchers(path(GET, "/v3/api-docs"), path(GET, "/v3/api-docs/**"),
                                path(GET, "/v3/api-docs.yaml"), path(GET, "/swagger-ui.html"),
                                path(GET, "/swagger-ui/**")).hasAnyRole(PEOPLE)
                        .requestMatchers(path(GET, "/api/admin/routes"), path(GET, "/api/admin/routes/*"))
                        .hasAnyRole(PEOPLE)
                        .requestMatchers(path(POST, "/api/admin/routes/*/start"), path(POST, "/api/admin/routes/*/stop"),
                                path(POST, "/api/admin/routes/*/suspend"), path(POST, "/api/admin/routes/*/resume"))
                        .hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(path(PUT, "/api/admin/routes/*/settings")).hasRole(ADMIN)
                        .requestMatchers(path(GET, "/api/admin/queues"), path(GET, "/api/admin/queues/*/messages"),
                                path(GET, "/api/admin/queues/*/messages/*")).hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(path(POST, "/api/admin/queues/*/messages/*/retry"),
                                path(POST, "/api/admin/queues/*/retry-all"),
                                path(POST, "/api/admin/queues/*/messages/*/discard")).hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(path(GET, "/api/v1/quarantine"), path(GET, "/api/v1/quarantine/**"),
                                path(POST, "/api/v1/quarantine/**")).hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(path(GET, "/api/admin/agencies"), path(GET, "/api/admin/agencies/*"))
                        .hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(path(POST, "/api/admin/agencies"), path(PUT, "/api/admin/agencies/*"),
                                path(POST, "/api/admin/agencies/*/register")).hasRole(ADMIN)
                        .requestMatchers(path(GET, "/api/admin/certificates"), path(GET, "/api/admin/statistics"))
                        .hasAnyRole(PEOPLE)
                        .requestMatchers(path(GET, "/api/documents"), path(GET, "/api/documents/**")).hasAnyRole(PEOPLE)
                        .requestMatchers(path(GET, "/api/v1/reconciliations"), path(GET, "/api/v1/reconciliations/**"))
                        .hasAnyRole(PEOPLE)
                        .requestMatchers(path(GET, "/api/audit/records"), path(GET, "/api/audit/records/*"),
                                path(GET, "/api/audit/payloads/*"), path(GET, "/api/audit/verify"),
                                path(GET, "/api/audit/export")).hasRole(AUDITOR)
                        .requestMatchers(path(POST, "/api/audit/replay")).hasAnyRole(AUDITOR, OPERATOR)
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .authenticationDetailsSource(ClientDetails.source(addresses, "form"))
                        .successHandler(loggedIn).failureHandler(loginFailed))
                .httpBasic(b -> b.authenticationEntryPoint(errors.entryPoint())
                        .authenticationDetailsSource(ClientDetails.source(addresses, "basic")))
                .logout(l -> l.logoutRequestMatcher(path(POST, "/logout"))
                        .addLogoutHandler((request, response, who) -> {
                            if (who != null) {
                                audit.loggedOut(who, addresses.of(request));
                            }
                        })
                        .logoutSuccessUrl("/login?logout").deleteCookies("BUS_SESSION"))
                .csrf(c -> c.csrfTokenRepository(csrfCookie)
                        // the raw cookie value, as the login page and the console send it (header or form field)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(SecurityConfiguration::basicOrBearerOnApi))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new ScrapeTokenFilter(security.prometheusTokenSha256()), BasicAuthenticationFilter.class)
                .addFilterBefore(new AdminActionAuditFilter(audit, addresses), ExceptionTranslationFilter.class)
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors.entryPoint())
                        .accessDeniedHandler(errors.accessDenied()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        // written on HTTPS requests only (RFC 6797: ignored over plain HTTP anyway)
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));

        if (security.oidc().enabled()) {
            if (registrations.getIfAvailable() == null) {
                throw new IllegalStateException("bus.security.oidc.enabled is true but no OIDC provider is registered "
                        + "(spring.security.oauth2.client.registration.<id>.*, see docs/security.md)");
            }
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcRoles(security.oidc())))
                    .successHandler(loggedIn).failureHandler(loginFailed));
        }
        return http.build();
    }

    /**
     * HTTP Basic (scripts, tests) and bearer tokens (the metrics scraper) need no CSRF token: a
     * forged cross-site request cannot set an Authorization header, and the browser never caches
     * Basic credentials for the bus because the bus never sends a Basic challenge (see
     * {@link JsonSecurityErrors}).
     */
    static boolean basicOrBearerOnApi(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String path = request.getServletPath();
        return authorization != null
                && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.regionMatches(true, 0, "Bearer ", 0, 7))
                && (path.startsWith("/api/") || path.startsWith("/actuator/"));
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
