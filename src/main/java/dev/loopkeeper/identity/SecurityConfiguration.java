package dev.loopkeeper.identity;

import static dev.loopkeeper.identity.Groups.ADMINS;
import static dev.loopkeeper.identity.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.identity.Groups.SUPERVISORS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.loopkeeper.identity.ui.LoginView;
import dev.loopkeeper.identity.web.ApiKeyAuthentication;
import dev.loopkeeper.identity.web.CamundaWebappSignIn;
import dev.loopkeeper.identity.web.EngineRestIdentity;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four doors, one set of users:
 * <ol>
 * <li>{@code /api/**} for survey tools and CRMs: an API key, no session;</li>
 * <li>{@code /engine-rest/**} for Camunda Modeler and engine clients: HTTP basic, no session;</li>
 * <li>{@code /camunda/**} (Cockpit, Admin): the Vaadin login's session, for leads only;</li>
 * <li>{@code /reply/**}, the reply links in customer messages: open, their signed token is the credential;</li>
 * <li>everything else, the Vaadin UI: form login, then each view's own access annotation.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Matches the path whatever servlet serves it: {@code /engine-rest} and {@code /camunda} are Jersey and
     * Camunda servlets, which Spring MVC's default matchers would not see.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Clients of the REST API get a 401 with a Basic challenge, never a redirect to the login page. */
    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("Loopkeeper engine");
        return entryPoint;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, IdentitySettings settings, ObjectMapper json,
                            SecurityContextHolderStrategy security) throws Exception {
        // The API's description is open: an integrator reads it before they have a key
        RequestMatcher description = path(HttpMethod.GET, "/api/openapi.yaml");
        return http.securityMatcher(path("/api/**"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiKeyAuthentication(settings.apiKeyHeader(), settings.apiKeys(), json, security,
                        description), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(description).permitAll()
                        .anyRequest().hasAuthority(ApiKeyAuthentication.API_CLIENT_ROLE))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, @Lazy IdentityService identity,
                                   SecurityContextHolderStrategy security) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(basicEntryPoint()))
                .authorizeHttpRequests(a -> a
                        // Deploying is changing what the engine runs: process owners only
                        .requestMatchers(path(HttpMethod.POST, "/engine-rest/deployment/**"),
                                path(HttpMethod.POST, "/engine-rest/engine/*/deployment/**"),
                                path(HttpMethod.DELETE, "/engine-rest/deployment/**"),
                                path(HttpMethod.DELETE, "/engine-rest/engine/*/deployment/**"))
                        .hasAnyRole(PROCESS_OWNERS, ADMINS)
                        .anyRequest().hasAnyRole(SUPERVISORS, PROCESS_OWNERS, ADMINS))
                .addFilterAfter(new EngineRestIdentity(identity, security), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                // The Camunda webapps send their own CSRF token (X-XSRF-TOKEN) and check it themselves
                .csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(SUPERVISORS, PROCESS_OWNERS, ADMINS))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // Cockpit's own logout would only end Camunda's part of the session; end ours too
                .logout(l -> l.logoutRequestMatcher(path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .logoutSuccessUrl("/login?logout"))
                .build();
    }

    /**
     * Cockpit and Admin take the signed-in user from our session. Ordered after Spring Security's
     * filter chain (-100) and before Camunda's own webapp filters, which register last.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignIn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaWebappSignIn.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /**
     * Customers follow reply links without an account. No session and no CSRF token: the page's form posts
     * back to the same signed URL, and whoever holds the link may use it.
     */
    @Bean
    @Order(4)
    SecurityFilterChain replyPages(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/reply/**"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain vaadin(HttpSecurity http) throws Exception {
        // /error must stay open: a 401 from the REST chains is rendered there, and a redirect to the
        // login page would turn every API client's 401 into a 302
        http.authorizeHttpRequests(a -> a.requestMatchers(path("/actuator/health"), path("/actuator/health/**"),
                path("/error")).permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
