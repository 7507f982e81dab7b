package dev.loopkeeper;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.security.Principal;
import java.util.Arrays;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Server-side Vaadin for tests (Karibu-Testing): the real views, Spring beans and access control, no
 * browser. Vaadin's access checker reads the user from the request, so the fake request answers from
 * Spring Security's context, as the real filter chain would.
 */
public final class KaribuUi {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.loopkeeper");

    private KaribuUi() {}

    /** Signs the user in with their Camunda groups as roles and opens a fresh UI. */
    public static void signIn(ApplicationContext context, String userId, String... groups) {
        signIn(context, ROUTES, userId, groups);
    }

    /** The same, with views and error views of the test's choosing (see {@link #routes()}). */
    public static void signIn(ApplicationContext context, Routes routes, String userId, String... groups) {
        // The context's own strategy: another Spring context in this JVM may have replaced the static one
        authenticate(context.getBean(SecurityContextHolderStrategy.class), userId, groups);
        open(context, routes);
    }

    /** Opens a fresh UI for nobody: a stranger who has not signed in. */
    public static void openAsStranger(ApplicationContext context) {
        SecurityContextHolderStrategy holder = context.getBean(SecurityContextHolderStrategy.class);
        holder.clearContext();
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(FakeRequest::new);
        open(context, ROUTES);
    }

    private static void open(ApplicationContext context, Routes routes) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    /**
     * The application's views and error views, for a test to change: Karibu puts its own in place of some of
     * Vaadin's error views (one that fails the test on access denied, for instance).
     */
    public static Routes routes() {
        return new Routes().autoDiscoverViews("dev.loopkeeper");
    }

    /**
     * Makes the user, with their Camunda groups as roles, the signed-in one for Spring Security and for every
     * mock request Karibu makes from now on; no UI is opened.
     */
    public static void authenticate(SecurityContextHolderStrategy holder, String userId, String... groups) {
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(
                userId,
                null,
                AuthorityUtils.createAuthorityList(
                        Arrays.stream(groups).map(g -> "ROLE_" + g).toArray(String[]::new)));
        SecurityContext security = holder.createEmptyContext();
        security.setAuthentication(auth);
        holder.setContext(security);
        SecurityContextHolder.setContext(security);
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    return holder.getContext().getAuthentication();
                }
            };
            request.setUserInRole((principal, role) -> holder.getContext().getAuthentication().getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
    }

    public static void signOut() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
