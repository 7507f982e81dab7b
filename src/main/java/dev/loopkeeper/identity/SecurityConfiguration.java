package dev.loopkeeper.identity;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.withEngineAccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.loopkeeper.identity.ui.LoginView;
import dev.loopkeeper.identity.web.ApiKeyAuthentication;
import dev.loopkeeper.identity.web.CamundaWebappSignIn;
import dev.loopkeeper.identity.web.EngineApiPaths;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Five doors, one set of users:
 * <ol>
 * <li>{@code /api/**} for survey tools and CRMs: an API key, no session; users may read cases; webhooks are signed
 * instead;</li>
 * <li>{@code /engine-rest/**} for Camunda Modeler and engine clients: HTTP basic, no session;</li>
 * <li>{@code /camunda/**} (Cockpit, Admin): the Vaadin login's session, for leads only, Admin for admins only;</li>
 * <li>{@code /reply/**} and {@code /survey/**}, the reply, survey and unsubscribe links in customer messages: open,
 * their signed token is the credential;</li>
 * <li>everything else, the Vaadin UI: form login, then each view's own access annotation.</li>
 * </ol>
 * On the engine's doors the engine's authorization checks stand behind these rules ({@code identity.engine}), and
 * identity (users, groups, memberships, credentials, tenants, authorizations) changes for admins only, on both.
 * Every response carries a Content-Security-Policy and a Referrer-Policy fitting its door.
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

    /**
     * Clients of the REST API get a 401 with a Basic challenge, never a redirect to the login page; an address that
     * guessed too often gets a 429 that says how long to wait.
     */
    private static AuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Loopkeeper engine");
        return (request, response, failure) -> {
            if (failure instanceof SignInThrottled throttled) {
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, throttled.getWait().toSeconds())));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), throttled.getMessage());
            } else {
                challenge.commence(request, response, failure);
            }
        };
    }

    /**
     * The Vaadin UI: its bootstrap page has inline scripts, Flow runs server-sent JavaScript through
     * {@code new Function} ({@code 'unsafe-eval'}), and bpmn-js and the Lumo theme set inline styles and use data:
     * images and fonts. Nothing may come from another origin, and no other site may frame the app.
     */
    static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";
    /** JSON APIs: nothing in a response may run or load anything, should a browser ever render one. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI: its own scripts and styles (it sets inline styles), its icons, and the document from this origin. */
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    /** Reply and survey pages: their own inline style and a form that posts back to them; nothing else. */
    static final String REPLY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static Customizer<HeadersConfigurer<HttpSecurity>> headers(String policy, ReferrerPolicy referrer) {
        return h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(policy)).referrerPolicy(r -> r.policy(referrer));
    }

    /**
     * API clients with a key may do everything; a Loopkeeper user (HTTP basic, or the UI's session, which this
     * chain reads but never creates) may only read a case, under the case screen's rule. CSRF protection stays
     * off: a session is good for nothing here but a GET.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http, IdentitySettings settings, ObjectMapper json, SecurityContextHolderStrategy security)
            throws Exception {
        var apiKey = new ApiKeyAuthentication(settings.apiKeyHeader(), settings.apiKeys(), json, security);
        // The API's description is open: an integrator reads it before they have a key
        RequestMatcher description = path(HttpMethod.GET, "/api/openapi/**");
        RequestMatcher descriptionYaml = path(HttpMethod.GET, "/api/openapi.yaml");
        // Survey tools' webhooks prove their source by a signature over the body, checked by intake: no key
        RequestMatcher webhooks = path(HttpMethod.POST, "/api/webhooks/**");
        return http.securityMatcher(path("/api/**"))
                .headers(headers(API_POLICY, ReferrerPolicy.NO_REFERRER))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(apiKey, BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(apiKey))
                .exceptionHandling(e -> e.authenticationEntryPoint(apiKey))
                .authorizeHttpRequests(a -> a.requestMatchers(description, descriptionYaml, webhooks)
                        .permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/api/cases/*"))
                        .authenticated()
                        .anyRequest()
                        .hasAuthority(ApiKeyAuthentication.API_CLIENT))
                .build();
    }

    /**
     * The actuator beyond its health probes (which the UI's chain leaves open for load balancers): the metrics a
     * scraper reads with its bearer token, never a signed-in user's session (a frontline user has no business reading
     * the company's queue ages, and a session would make it a CSRF-able GET).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(
            HttpSecurity http, IdentitySettings settings, ObjectMapper json, SecurityContextHolderStrategy security)
            throws Exception {
        var scraper = ApiKeyAuthentication.scraper(settings.metricsTokens(), json, security);
        return http.securityMatcher(new AndRequestMatcher(
                        path("/actuator/**"),
                        new NegatedRequestMatcher(
                                new OrRequestMatcher(path("/actuator/health"), path("/actuator/health/**")))))
                .headers(headers(API_POLICY, ReferrerPolicy.NO_REFERRER))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(scraper, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(scraper))
                .authorizeHttpRequests(a -> a.requestMatchers(path(HttpMethod.GET, "/actuator/prometheus"))
                        .hasAuthority(ApiKeyAuthentication.METRICS_SCRAPER)
                        .anyRequest()
                        .denyAll())
                .build();
    }

    /**
     * Swagger UI's page and assets at {@code /api/docs}: open like the document it shows, with a policy that lets it run
     * its own scripts and inline styles and fetch the document; the document itself stays under {@link #API_POLICY}.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(
                        path(HttpMethod.GET, "/api/docs"),
                        path(HttpMethod.GET, "/api/docs/**"),
                        path(HttpMethod.GET, "/api/swagger-ui/**")))
                .headers(headers(DOCS_POLICY, ReferrerPolicy.NO_REFERRER))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(
            HttpSecurity http, @Lazy IdentityService identity, SecurityContextHolderStrategy security)
            throws Exception {
        EngineApiPaths engineApi = EngineApiPaths.engineRest();
        return http.securityMatcher(path("/engine-rest/**"))
                .headers(headers(API_POLICY, ReferrerPolicy.NO_REFERRER))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(basicEntryPoint()))
                .authorizeHttpRequests(a -> a.requestMatchers(engineApi.identityChanges())
                        .hasRole(ADMINS)
                        // Deploying is changing what the engine runs: process owners only
                        .requestMatchers(engineApi.deployments())
                        .hasAnyRole(PROCESS_OWNERS, ADMINS)
                        .anyRequest()
                        .hasAnyRole(withEngineAccess()))
                .addFilterAfter(new EngineRestIdentity(identity, security), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        EngineApiPaths engineApi = EngineApiPaths.webapps();
        // The webapps set their own Content-Security-Policy (with a nonce per page); we add the Referrer-Policy
        return http.securityMatcher(path("/camunda/**"))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                // The Camunda webapps send their own CSRF token (X-XSRF-TOKEN) and check it themselves
                .csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        // Sign-in is ours (single sign-on); Camunda's own login would be a second, unthrottled
                        // password door, and its first-admin setup must never be reachable
                        .requestMatchers(
                                path("/camunda/api/admin/auth/user/*/login/**"), path("/camunda/api/admin/setup/**"))
                        .denyAll()
                        // Who is signed in, and signing out: every webapp asks
                        .requestMatchers(
                                path(HttpMethod.GET, "/camunda/api/admin/auth/user/*"),
                                path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .hasAnyRole(withEngineAccess())
                        .requestMatchers(path("/camunda/app/admin/**"), path("/camunda/api/admin/**"))
                        .hasRole(ADMINS)
                        .requestMatchers(engineApi.identityChanges())
                        .hasRole(ADMINS)
                        .requestMatchers(engineApi.deployments())
                        .hasAnyRole(PROCESS_OWNERS, ADMINS)
                        .anyRequest()
                        .hasAnyRole(withEngineAccess()))
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
     * Customers follow reply and survey links without an account. No session and no CSRF token: the page's form posts
     * back to the same signed URL, and whoever holds the link may use it.
     */
    @Bean
    @Order(4)
    SecurityFilterChain replyPages(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/reply/**"), path("/survey/**")))
                // The link's token is in the address: no page it leads to may learn it
                .headers(headers(REPLY_POLICY, ReferrerPolicy.NO_REFERRER))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain vaadin(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        // /error must stay open: a 401 from the REST chains is rendered there, and a redirect to the
        // login page would turn every API client's 401 into a 302
        http.authorizeHttpRequests(
                a -> a.requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/error"))
                        .permitAll());
        http.headers(headers(UI_POLICY, ReferrerPolicy.SAME_ORIGIN));
        // Vaadin exempts the login form's POST from CSRF checks; we do not (login CSRF would sign a victim in as the
        // attacker). The login form sends the token from the page's _csrf meta tags. Vaadin's own requests carry
        // Vaadin's security key instead.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false))
                .build();
    }
}
