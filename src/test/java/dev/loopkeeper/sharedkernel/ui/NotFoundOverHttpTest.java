package dev.loopkeeper.sharedkernel.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * What the server sends a browser for an address that leads nowhere, in development mode (how tests run, and
 * where Vaadin's own page would list every route): the not-found view, and no route, no exception.
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotFoundOverHttpTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownAddressADeniedViewAndAnotherTeamsCaseSendNoRouteAndNoStackTrace() throws Exception {
        WebSession fiona = WebSession.signIn(port, "fiona", "demo").awaitFrontend(Duration.ofMinutes(5));
        String page = fiona.get("/no-such-page").body();
        String ui = fiona.startUi();
        assertThat(ui).contains("\"productionMode\":false");

        for (String address : List.of("no-such-page", "supervision/escalations", "cases/" + UUID.randomUUID())) {
            String answer = fiona.navigate(fiona.startUi(), address);

            assertThat(answer)
                    .as(address)
                    .contains(NotFoundView.class.getName(), "Not found")
                    .doesNotContain("Could not navigate", "Exception", "at com.vaadin", "at dev.loopkeeper");
            // inside the layout, whose menu lists fiona's own screens: nothing beyond them
            routes().stream()
                    .filter(route -> !FIONAS_SCREENS.contains(route))
                    .forEach(route -> assertThat(answer).as(address).doesNotContain(route));
            assertThat(answer).as(address).contains(MainLayout.class.getName());
        }
        assertThat(page).doesNotContain("supervision/", "cases/", "Exception");
    }

    private static final List<String> FIONAS_SCREENS =
            List.of("alerts", "cases", "customers", "cases/:caseId", "customers/:customerId");

    /** Every route template of the application, read from the views' annotations. */
    static List<String> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<String> routes = scanner.findCandidateComponents("dev.loopkeeper").stream()
                .map(bean -> {
                    try {
                        return Class.forName(bean.getBeanClassName())
                                .getAnnotation(Route.class)
                                .value();
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(route -> !route.isEmpty())
                .toList();
        assertThat(routes).contains("supervision/escalations", "cases/:caseId", "models");
        return routes;
    }
}
