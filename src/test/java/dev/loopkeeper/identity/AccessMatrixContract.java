package dev.loopkeeper.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.audit.ui.AuditView;
import dev.loopkeeper.casework.ui.CasesView;
import dev.loopkeeper.casework.ui.CustomersView;
import dev.loopkeeper.casework.ui.IncidentsView;
import dev.loopkeeper.casework.ui.TasklistView;
import dev.loopkeeper.casework.ui.WorkloadView;
import dev.loopkeeper.identity.ui.DirectoryView;
import dev.loopkeeper.identity.ui.LoginView;
import dev.loopkeeper.insight.ui.ImprovementsView;
import dev.loopkeeper.insight.ui.PrioritiesView;
import dev.loopkeeper.insight.ui.ThemesView;
import dev.loopkeeper.insight.ui.TrendsView;
import dev.loopkeeper.intake.ui.ImportView;
import dev.loopkeeper.intake.ui.WebhookSourcesView;
import dev.loopkeeper.integrations.ui.IntegrationsView;
import dev.loopkeeper.modeling.ui.ModelLibraryView;
import dev.loopkeeper.outreach.ui.AlertsView;
import dev.loopkeeper.privacy.ui.PrivacyView;
import dev.loopkeeper.reporting.ui.HealthView;
import dev.loopkeeper.reporting.ui.ReportsView;
import dev.loopkeeper.sla.ui.BreachesView;
import dev.loopkeeper.sla.ui.EscalationsView;
import dev.loopkeeper.sla.ui.LoopDiagramView;
import dev.loopkeeper.survey.ui.SurveyRunsView;
import dev.loopkeeper.survey.ui.SurveyTemplatesView;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Who may do what through each door, role by role: the engine's REST API, the Camunda webapps' own API, and our
 * {@code /api}. Each row names a request and the status every role must get; the admin's row proves the request
 * itself is sound, so a 403 for the others means "refused", not "broken". Runs on H2 and on MariaDB, where the
 * engine's authorization queries are other SQL. The Vaadin screens likewise, through Vaadin's own navigation access
 * control (server-side, Karibu).
 */
abstract class AccessMatrixContract {

    /** The demo users and the two kinds of strangers, in the order of every row's statuses. */
    enum Role {
        STRANGER(null),
        API_CLIENT(null),
        FRONTLINE("fiona"),
        SUPERVISOR("sam"),
        PROCESS_OWNER("paula"),
        ADMIN("ada");

        final String user;

        Role(String user) {
            this.user = user;
        }
    }

    /** How a request goes through its door. */
    enum Via {
        ENGINE_REST,
        WEBAPP_SESSION,
        API
    }

    static final String JSON = "application/json";
    static final String PROBE_GROUP = "matrix-probe";
    /** Someone with no groups, whom the admin's requests may change without changing anyone else's rights. */
    static final String PROBE_USER = "matrix-probe-user";

    /**
     * One request and what each role gets: stranger, API client, frontline, supervisor, process owner, admin.
     * {@code %u} in the path or body is replaced by the caller's user id, {@code %r} by a fresh random suffix.
     */
    record Row(String what, Via via, String method, String path, String contentType, String body, int... expected) {

        int expectedFor(Role role) {
            return expected[role.ordinal()];
        }

        @Override
        public String toString() {
            return what;
        }
    }

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe"
                targetNamespace="http://loopkeeper.dev/probe">
              <bpmn:process id="probe-%r" isExecutable="true" camunda:historyTimeToLive="180">
                <bpmn:startEvent id="StartEvent_Probe"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
    private static final String BOUNDARY = "matrixboundary";
    private static final String DEPLOYMENT = "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
            + "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n" + BPMN + "\r\n"
            + "--" + BOUNDARY + "--\r\n";
    private static final String EXPRESSION_FILTER = "{\"resourceType\":\"Task\",\"name\":\"mine\","
            + "\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}";

    static List<Row> rows() {
        String engineRest = "/engine-rest";
        String webappEngine = "/camunda/api/engine/engine/default";
        return List.of(
                // The engine's REST API: leads read, admins change identity, process owners deploy
                new Row(
                        "engine: read process definitions",
                        Via.ENGINE_REST,
                        "GET",
                        engineRest + "/process-definition/count",
                        null,
                        null,
                        401,
                        401,
                        403,
                        200,
                        200,
                        200),
                new Row(
                        "engine: list tasks",
                        Via.ENGINE_REST,
                        "GET",
                        engineRest + "/task",
                        null,
                        null,
                        401,
                        401,
                        403,
                        200,
                        200,
                        200),
                new Row(
                        "engine: read history",
                        Via.ENGINE_REST,
                        "GET",
                        engineRest + "/history/process-instance/count",
                        null,
                        null,
                        401,
                        401,
                        403,
                        200,
                        200,
                        200),
                new Row(
                        "engine: create a user",
                        Via.ENGINE_REST,
                        "POST",
                        engineRest + "/user/create",
                        JSON,
                        "{\"profile\":{\"id\":\"probe-%r\",\"firstName\":\"P\",\"lastName\":\"Robe\"},"
                                + "\"credentials\":{\"password\":\"probe-password-%r\"}}",
                        401,
                        401,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "engine: add someone to a group",
                        Via.ENGINE_REST,
                        "PUT",
                        engineRest + "/group/" + PROBE_GROUP + "/members/%u",
                        null,
                        null,
                        401,
                        401,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "engine: add someone to camunda-admin",
                        Via.ENGINE_REST,
                        "PUT",
                        engineRest + "/group/camunda-admin/members/" + PROBE_USER,
                        null,
                        null,
                        401,
                        401,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "engine: set a colleague's password",
                        Via.ENGINE_REST,
                        "PUT",
                        engineRest + "/user/" + PROBE_USER + "/credentials",
                        JSON,
                        "{\"password\":\"demo\",\"authenticatedUserPassword\":\"demo\"}",
                        401,
                        401,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "engine: change one's own password",
                        Via.ENGINE_REST,
                        "PUT",
                        engineRest + "/user/%u/credentials",
                        JSON,
                        "{\"password\":\"demo\",\"authenticatedUserPassword\":\"demo\"}",
                        401,
                        401,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "engine: create a group",
                        Via.ENGINE_REST,
                        "POST",
                        engineRest + "/group/create",
                        JSON,
                        "{\"id\":\"probe-%r\",\"name\":\"Probe\"}",
                        401,
                        401,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "engine: grant an authorization",
                        Via.ENGINE_REST,
                        "POST",
                        engineRest + "/authorization/create",
                        JSON,
                        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"%u\",\"resourceType\":4,"
                                + "\"resourceId\":\"probe-%r\"}",
                        401,
                        401,
                        403,
                        403,
                        403,
                        200),
                new Row(
                        "engine: create a tenant",
                        Via.ENGINE_REST,
                        "POST",
                        engineRest + "/tenant/create",
                        JSON,
                        "{\"id\":\"probe%r\",\"name\":\"Probe\"}",
                        401,
                        401,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "engine: check someone's password",
                        Via.ENGINE_REST,
                        "POST",
                        engineRest + "/identity/verify",
                        JSON,
                        "{\"username\":\"frank\",\"password\":\"demo\"}",
                        401,
                        401,
                        403,
                        403,
                        403,
                        200),
                // Expressions in stored queries are off for everyone: the admin's request is well-formed and refused
                new Row(
                        "engine: store a filter with an expression",
                        Via.ENGINE_REST,
                        "POST",
                        engineRest + "/filter/create",
                        JSON,
                        EXPRESSION_FILTER,
                        401,
                        401,
                        403,
                        403,
                        403,
                        400),
                new Row(
                        "engine: deploy a model",
                        Via.ENGINE_REST,
                        "POST",
                        engineRest + "/deployment/create",
                        "multipart/form-data; boundary=" + BOUNDARY,
                        DEPLOYMENT,
                        401,
                        401,
                        403,
                        403,
                        200,
                        200),

                // The same API inside the webapps, with the signed-in session (Cockpit's and Admin's scripts)
                new Row(
                        "webapps: read process definitions",
                        Via.WEBAPP_SESSION,
                        "GET",
                        webappEngine + "/process-definition/count",
                        null,
                        null,
                        302,
                        302,
                        403,
                        200,
                        200,
                        200),
                new Row(
                        "webapps: add someone to camunda-admin",
                        Via.WEBAPP_SESSION,
                        "PUT",
                        webappEngine + "/group/camunda-admin/members/" + PROBE_USER,
                        null,
                        null,
                        302,
                        302,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "webapps: set a colleague's password",
                        Via.WEBAPP_SESSION,
                        "PUT",
                        webappEngine + "/user/" + PROBE_USER + "/credentials",
                        JSON,
                        "{\"password\":\"demo\",\"authenticatedUserPassword\":\"demo\"}",
                        302,
                        302,
                        403,
                        403,
                        403,
                        204),
                new Row(
                        "webapps: grant an authorization",
                        Via.WEBAPP_SESSION,
                        "POST",
                        webappEngine + "/authorization/create",
                        JSON,
                        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"%u\",\"resourceType\":4,"
                                + "\"resourceId\":\"probe-%r\"}",
                        302,
                        302,
                        403,
                        403,
                        403,
                        200),
                new Row(
                        "webapps: store a filter with an expression",
                        Via.WEBAPP_SESSION,
                        "POST",
                        webappEngine + "/filter/create",
                        JSON,
                        EXPRESSION_FILTER,
                        302,
                        302,
                        403,
                        403,
                        403,
                        400),
                new Row(
                        "webapps: open Cockpit",
                        Via.WEBAPP_SESSION,
                        "GET",
                        "/camunda/app/cockpit/default/",
                        null,
                        null,
                        302,
                        302,
                        403,
                        200,
                        200,
                        200),
                new Row(
                        "webapps: open Admin",
                        Via.WEBAPP_SESSION,
                        "GET",
                        "/camunda/app/admin/default/",
                        null,
                        null,
                        302,
                        302,
                        403,
                        403,
                        403,
                        200),
                new Row(
                        "webapps: who is signed in",
                        Via.WEBAPP_SESSION,
                        "GET",
                        "/camunda/api/admin/auth/user/default",
                        null,
                        null,
                        302,
                        302,
                        403,
                        200,
                        200,
                        200),
                // Our login is the only password door: Camunda's own would skip the throttle
                new Row(
                        "webapps: Camunda's own login",
                        Via.WEBAPP_SESSION,
                        "POST",
                        "/camunda/api/admin/auth/user/default/login/cockpit",
                        "application/x-www-form-urlencoded",
                        "username=ada&password=demo",
                        302,
                        302,
                        403,
                        403,
                        403,
                        403),
                new Row(
                        "webapps: first-admin setup",
                        Via.WEBAPP_SESSION,
                        "POST",
                        "/camunda/api/admin/setup/default/user/create",
                        JSON,
                        "{\"profile\":{\"id\":\"probe-%r\"},\"credentials\":{\"password\":\"probe-password\"}}",
                        302,
                        302,
                        403,
                        403,
                        403,
                        403),

                // Our own API: survey tools and CRMs with the key; staff, signed in, may only read cases
                new Row(
                        "api: post a response",
                        Via.API,
                        "POST",
                        "/api/responses",
                        JSON,
                        TestResponses.json("%r", 3),
                        401,
                        201,
                        403,
                        403,
                        403,
                        403),
                // Surveys are asked for by integrations with the key, like responses
                new Row(
                        "api: ask a customer to answer a survey",
                        Via.API,
                        "POST",
                        "/api/surveys",
                        JSON,
                        "{\"customer\": {\"externalId\": \"C-%r\", \"email\": \"c-%r@example.com\"},"
                                + " \"touchpoint\": \"installation\"}",
                        401,
                        201,
                        403,
                        403,
                        403,
                        403),
                // The survey pages are open to all: the signed link is the credential, so a made-up one finds nothing
                new Row(
                        "survey: a page behind a made-up link",
                        Via.API,
                        "GET",
                        "/survey/made-up-%r",
                        null,
                        null,
                        404,
                        404,
                        404,
                        404,
                        404,
                        404),
                // Staff may read a case here too, under the case screen's rule: an unknown case is simply not found
                new Row(
                        "api: read a case that does not exist",
                        Via.API,
                        "GET",
                        "/api/cases/00000000-0000-0000-0000-000000000000",
                        null,
                        null,
                        401,
                        404,
                        404,
                        404,
                        404,
                        404),
                // A phone system looks up who is calling; with the key only
                new Row(
                        "api: look up a caller who is not a customer",
                        Via.API,
                        "GET",
                        "/api/customers?phone=%2B99%200000%200000",
                        null,
                        null,
                        401,
                        404,
                        403,
                        403,
                        403,
                        403),
                new Row(
                        "api: post a batch of responses",
                        Via.API,
                        "POST",
                        "/api/responses/batch",
                        JSON,
                        "{\"responses\": [" + TestResponses.json("%r", 9) + "]}",
                        401,
                        200,
                        403,
                        403,
                        403,
                        403),
                new Row(
                        "api: post a batch with a bad response",
                        Via.API,
                        "POST",
                        "/api/responses/batch",
                        JSON,
                        "{\"responses\": [" + TestResponses.json("%r", 11) + "]}",
                        401,
                        207,
                        403,
                        403,
                        403,
                        403),
                // Webhooks prove their source by a signature, never by a key, a password or a session
                new Row(
                        "api: a signed webhook with a bad signature",
                        Via.API,
                        "POST",
                        "/api/webhooks/survey-tool",
                        JSON,
                        TestResponses.json("%r", 3),
                        401,
                        401,
                        401,
                        401,
                        401,
                        401),
                new Row(
                        "api: Delighted's webhook with a bad signature",
                        Via.API,
                        "POST",
                        "/api/webhooks/delighted",
                        JSON,
                        "{\"event_type\":\"survey_response.created\",\"event_id\":\"%r\"}",
                        401,
                        401,
                        401,
                        401,
                        401,
                        401));
    }

    static Stream<Arguments> everyRowForEveryRole() {
        return rows().stream().flatMap(row -> Arrays.stream(Role.values()).map(role -> Arguments.of(row, role)));
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    FilterService filters;

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @BeforeEach
    void probes() {
        if (identity.createGroupQuery().groupId(PROBE_GROUP).count() == 0) {
            Group group = identity.newGroup(PROBE_GROUP);
            group.setName("Access matrix probe");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(PROBE_USER).count() == 0) {
            User user = identity.newUser(PROBE_USER);
            user.setPassword("probe-password-0");
            identity.saveUser(user);
        }
    }

    /** What the admin's requests granted the probe must not outlive the test. */
    @AfterEach
    void forgetWhatTheAdminGranted() {
        identity.deleteMembership(PROBE_USER, "camunda-admin");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRowForEveryRole")
    void eachRoleGetsWhatTheMatrixSays(Row row, Role role) {
        HttpResponse<String> response = send(row, role);

        assertThat(response.statusCode())
                .as("%s %s as %s answered: %s", row.method(), row.path(), role, response.body())
                .isEqualTo(row.expectedFor(role));
    }

    /**
     * A query expression is JUEL, and JUEL reaches any class: the attack was a stored filter whose expression created
     * a file when the filter was listed. Refused when stored, refused when a filter stored before is listed, and
     * refused in ad-hoc queries; the file never appears.
     */
    @Test
    void aQueryExpressionRunsNoCodeWhereverItComesFrom(@TempDir Path dir) {
        Path marker = dir.resolve("pwned");
        String payload = "${''.getClass().forName('java.io.File').getConstructor(''.getClass())" + ".newInstance('"
                + marker + "').createNewFile()}";
        Door ada = Door.as(port, "ada");

        HttpResponse<String> stored = ada.basic(
                "POST",
                "/engine-rest/filter/create",
                JSON,
                "{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{\"assigneeExpression\":\"" + payload + "\"}}");
        HttpResponse<String> listed =
                ada.basic("GET", "/engine-rest/filter/" + filterStoredBefore(payload) + "/list", null, null);
        HttpResponse<String> adhoc = ada.basic(
                "GET",
                "/engine-rest/task?assigneeExpression=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
                null,
                null);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(400);
        assertThat(stored.body()).contains("Expressions are forbidden in stored queries");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(400);
        assertThat(listed.body()).contains("Expressions are forbidden in stored queries");
        assertThat(adhoc.statusCode()).as(adhoc.body()).isEqualTo(400);
        assertThat(adhoc.body()).contains("Expressions are forbidden in adhoc queries");
        assertThat(marker).doesNotExist();
        // and the payload is real: where expressions are allowed, it writes the file
        assertThat(marker)
                .as("control")
                .satisfies(m -> runWithAdhocExpressions(payload))
                .exists();
    }

    private void runWithAdhocExpressions(String expression) {
        boolean was = engine.isEnableExpressionsInAdhocQueries();
        engine.setEnableExpressionsInAdhocQueries(true);
        try {
            tasks.createTaskQuery().taskAssigneeExpression(expression).list();
        } catch (RuntimeException ignored) {
            // the query's own result does not matter, only what evaluating the expression did
        } finally {
            engine.setEnableExpressionsInAdhocQueries(was);
        }
    }

    /** A filter with an expression as an older version, with stored expressions on, would have kept it. */
    private String filterStoredBefore(String expression) {
        boolean was = engine.isEnableExpressionsInStoredQueries();
        engine.setEnableExpressionsInStoredQueries(true);
        try {
            Filter filter = filters.newTaskFilter("stored before the upgrade");
            filter.setQuery(tasks.createTaskQuery().taskAssigneeExpression(expression));
            return filters.saveFilter(filter).getId();
        } finally {
            engine.setEnableExpressionsInStoredQueries(was);
        }
    }

    @Test
    void noRoleButAdminsCanMakeThemselvesAdmin() {
        for (Role role : List.of(Role.FRONTLINE, Role.SUPERVISOR, Role.PROCESS_OWNER)) {
            Door.as(port, role.user).basic("PUT", "/engine-rest/group/camunda-admin/members/" + role.user, null, null);
            Door door = Door.as(port, role.user);
            door.signIn("demo");
            door.session("PUT", "/camunda/api/engine/engine/default/group/admins/members/" + role.user, null, null);

            assertThat(identity.createGroupQuery().groupMember(role.user).list())
                    .extracting(Group::getId)
                    .as("%s's groups", role.user)
                    .doesNotContain("camunda-admin", "admins");
        }
    }

    /**
     * A Vaadin route: where a role that may open it lands, and which roles may. Every route the app has must be
     * listed here ({@link #everyRouteIsInTheMatrix}), so a new screen cannot slip in without a decision.
     */
    record Screen(String path, Class<? extends Component> landsOn, Set<Role> allowed) {

        @Override
        public String toString() {
            return "/" + path;
        }
    }

    private static final Set<Role> SIGNED_IN =
            EnumSet.of(Role.FRONTLINE, Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN);
    private static final Set<Role> LEADS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> MODELERS = EnumSet.of(Role.PROCESS_OWNER, Role.ADMIN);

    static List<Screen> screens() {
        return List.of(
                new Screen("", TasklistView.class, SIGNED_IN),
                new Screen("alerts", AlertsView.class, SIGNED_IN),
                new Screen("cases", CasesView.class, SIGNED_IN),
                new Screen("customers", CustomersView.class, SIGNED_IN),
                new Screen(
                        "improvements",
                        ImprovementsView.class,
                        EnumSet.of(Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN)),
                new Screen("themes", ThemesView.class, EnumSet.of(Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN)),
                new Screen(
                        "themes/trends", TrendsView.class, EnumSet.of(Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN)),
                new Screen(
                        "themes/priorities",
                        PrioritiesView.class,
                        EnumSet.of(Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN)),
                new Screen("models", ModelLibraryView.class, MODELERS),
                new Screen("import", ImportView.class, MODELERS),
                new Screen("import/sources", WebhookSourcesView.class, EnumSet.of(Role.ADMIN)),
                // credentials of the team's tools, and where our server sends requests: admins only
                new Screen("integrations", IntegrationsView.class, EnumSet.of(Role.ADMIN)),
                new Screen("audit", AuditView.class, EnumSet.of(Role.ADMIN)),
                new Screen("privacy", PrivacyView.class, EnumSet.of(Role.ADMIN)),
                new Screen("directory", DirectoryView.class, MODELERS),
                new Screen(
                        "surveys", SurveyRunsView.class, EnumSet.of(Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN)),
                // templates are code-free, but what customers read is the process owners' to say
                new Screen("surveys/templates", SurveyTemplatesView.class, MODELERS),
                // an unknown draft sends its editor back to the library
                new Screen("models/drafts/" + UUID.randomUUID(), ModelLibraryView.class, MODELERS),
                new Screen("supervision/escalations", EscalationsView.class, LEADS),
                new Screen("supervision/breaches", BreachesView.class, LEADS),
                new Screen("supervision/workload", WorkloadView.class, LEADS),
                new Screen("supervision/health", HealthView.class, LEADS),
                new Screen("reports", ReportsView.class, EnumSet.of(Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN)),
                new Screen("supervision/incidents", IncidentsView.class, LEADS),
                new Screen("supervision/diagram", LoopDiagramView.class, LEADS),
                new Screen("login", LoginView.class, EnumSet.allOf(Role.class)));
    }

    /** Route templates whose access depends on the record behind them; their own tests cover them. */
    private static final Set<String> DECIDED_PER_RECORD = Set.of("cases/:caseId", "customers/:customerId");

    static Stream<Arguments> everyScreenForEveryRole() {
        return screens().stream()
                .flatMap(screen -> Stream.of(
                                Role.STRANGER, Role.FRONTLINE, Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN)
                        .map(role -> Arguments.of(screen, role)));
    }

    @Autowired
    ApplicationContext context;

    @AfterEach
    void closeUi() {
        KaribuUi.signOut();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyScreenForEveryRole")
    void eachRoleOpensOnlyItsScreens(Screen screen, Role role) {
        if (role.user == null) {
            KaribuUi.openAsStranger(context);
        } else {
            KaribuUi.signIn(context, role.user, groupsOf(role));
        }

        Class<?> shown;
        try {
            UI.getCurrent().navigate(screen.path());
            shown = UI.getCurrent().getCurrentView().getClass();
        } catch (MockAccessDeniedException denied) {
            shown = denied.getClass();
        }

        if (screen.allowed().contains(role)) {
            assertThat(shown).as("%s opens %s", role, screen).isEqualTo(screen.landsOn());
        } else {
            assertThat(shown).as("%s is refused %s", role, screen).isNotEqualTo(screen.landsOn());
            if (role == Role.STRANGER) {
                assertThat(shown).as("a stranger is sent to sign in").isEqualTo(LoginView.class);
            }
        }
    }

    @Test
    void everyRouteIsInTheMatrix() {
        KaribuUi.signIn(context, "ada", groupsOf(Role.ADMIN));

        List<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .filter(template -> !DECIDED_PER_RECORD.contains(template))
                .toList();

        assertThat(routes)
                .allSatisfy(template -> assertThat(screens())
                        .as("a matrix row for /%s", template)
                        .anyMatch(screen -> screen.path().equals(template)
                                || template.contains(":")
                                        && screen.path().startsWith(template.substring(0, template.indexOf(':')))));
    }

    private String[] groupsOf(Role role) {
        if (role.user == null) {
            return new String[0];
        }
        return identity.createGroupQuery().groupMember(role.user).list().stream()
                .map(Group::getId)
                .toArray(String[]::new);
    }

    private HttpResponse<String> send(Row row, Role role) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String self = role.user == null ? "nobody" : role.user;
        String path = row.path().replace("%u", self).replace("%r", suffix);
        String body = row.body() == null ? null : row.body().replace("%u", self).replace("%r", suffix);
        Door door = Door.as(port, role.user);
        return switch (row.via()) {
            case ENGINE_REST -> door.basic(row.method(), path, row.contentType(), body);
            case API ->
                role == Role.API_CLIENT
                        ? door.withApiKey(row.method(), path, row.contentType(), body)
                        : door.basic(row.method(), path, row.contentType(), body);
            case WEBAPP_SESSION -> {
                if (role.user != null) {
                    HttpResponse<String> login = door.signIn("demo");
                    assertThat(login.headers().firstValue("Location"))
                            .as("%s signs in", role.user)
                            .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
                }
                yield door.session(row.method(), path, row.contentType(), body);
            }
        };
    }
}
