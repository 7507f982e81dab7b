package dev.loopkeeper.sharedkernel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockRouteAccessDeniedError;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteAccessDeniedError;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * The pages for an address that leads nowhere and for a view that failed: plain words and a way home, with
 * no list of the application's routes and no stack trace (Vaadin's own pages show both in development mode,
 * which is how these tests run).
 */
@LoopkeeperTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void fionaSignsIn() {
        // Vaadin's own answer to a denied view, not Karibu's stand-in, which fails the test instead
        Routes routes = KaribuUi.routes();
        routes.getErrorRoutes().remove(MockRouteAccessDeniedError.class);
        routes.getErrorRoutes().add(RouteAccessDeniedError.class);
        KaribuUi.signIn(context, routes, "fiona", "frontline", "team-emea");
    }

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void anUnknownAddressIsNotFoundInsideTheLayoutWithoutNamingAnyRoute() {
        int status = open("no/such/page");

        _get(NotFoundView.class);
        _get(MainLayout.class);
        assertThat(status).isEqualTo(404);
        assertThat(page()).contains("Not found", "Back to the start page");
        assertRevealsNothing(page());
    }

    @Test
    void aViewTheUserMayNotOpenLooksLikeOneThatDoesNotExist() {
        open("no/such/page");
        String unknown = page();

        int status = open("supervision/escalations");

        _get(NotFoundView.class);
        assertThat(status).isEqualTo(404);
        assertThat(page()).isEqualTo(unknown).doesNotContain("Access denied", "Consider adding");
    }

    @Test
    void aFailedViewShowsAReferenceAndOnlyTheLogHasTheStackTrace(CapturedOutput log) {
        ErrorView view = new ErrorView();
        UI ui = UI.getCurrent();
        BeforeEnterEvent event = new BeforeEnterEvent(
                ui.getInternals().getRouter(),
                NavigationTrigger.PROGRAMMATIC,
                new Location("cases/broken"),
                ErrorView.class,
                ui,
                List.of());

        int status = view.setErrorParameter(
                event,
                new ErrorParameter<>(
                        Exception.class, new IllegalStateException("the database said something private")));

        String shown = view.getElement().getTextRecursively();
        String reference = shown.replaceAll("(?s).*reference ([0-9a-f]{8}).*", "$1");
        assertThat(status).isEqualTo(500);
        assertThat(shown).contains("Something went wrong").doesNotContain("private", "IllegalStateException");
        assertThat(reference).hasSize(8);
        assertThat(log.getOut())
                .contains(
                        "Error " + reference + " opening /cases/broken",
                        "java.lang.IllegalStateException: the database said something private",
                        "at dev.loopkeeper");
    }

    /**
     * Opens the address as the browser would on a page load: {@code UI.navigate} hands an address no server
     * route matches to the browser's router instead.
     */
    private static int open(String address) {
        UI ui = UI.getCurrent();
        return ui.getInternals().getRouter().navigate(ui, new Location(address), NavigationTrigger.PAGE_LOAD);
    }

    /** Every component of the page with its text and attributes. */
    private static String page() {
        return PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
    }

    /** Fiona's own screens, which the layout's menu lists. */
    private static final List<String> FIONAS_SCREENS =
            List.of("alerts", "cases", "customers", "cases/:caseId", "customers/:customerId");

    /** No route of the application beyond the user's menu, no exception, no line of a stack trace. */
    static void assertRevealsNothing(String page) {
        List<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .filter(template -> !template.isEmpty() && !FIONAS_SCREENS.contains(template))
                .toList();
        assertThat(routes).contains("supervision/escalations", "models");
        routes.forEach(route -> assertThat(page).doesNotContain(route));
        assertThat(page).doesNotContain("Exception", "at com.vaadin", "at dev.loopkeeper", "route");
    }
}
