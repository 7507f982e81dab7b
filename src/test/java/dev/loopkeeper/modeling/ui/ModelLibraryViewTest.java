package dev.loopkeeper.modeling.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouteParameters;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.modeling.BrokenModels;
import dev.loopkeeper.modeling.Draft;
import dev.loopkeeper.modeling.Drafts;
import dev.loopkeeper.modeling.Model;
import dev.loopkeeper.modeling.ModelVersion;
import dev.loopkeeper.sharedkernel.Actor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The library as a process owner sees it, and that nobody else gets in. */
@LoopkeeperTest
class ModelLibraryViewTest {

    static final Actor PAULA = new Actor("paula", Set.of("process-owners"));

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseIntake intake;

    @Autowired
    ManagementService management;

    @Autowired
    Drafts drafts;

    @AfterEach
    void signOut() {
        drafts.mine(PAULA).forEach(d -> drafts.discard(PAULA, d.id()));
        KaribuUi.signOut();
    }

    @Test
    void listsEveryModelWithItsVersionsAndTheRunningCasesOfEach() {
        intake.receive(TestResponses.withScore(2));
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(ModelLibraryView.class);
        ModelLibraryView view = _get(ModelLibraryView.class);

        List<Model> models = GridKt._findAll(view.models);
        assertThat(models)
                .extracting(m -> m.kind() + " " + m.key())
                .contains(
                        "PROCESS closed-loop",
                        "PROCESS improvement-action",
                        "DECISION follow-up-policy",
                        "FORM contact-customer",
                        "FORM log-resolution");
        Model closedLoop = models.stream()
                .filter(m -> m.key().equals("closed-loop"))
                .findFirst()
                .orElseThrow();
        long running = management.createProcessDefinitionStatisticsQuery().list().stream()
                .filter(s -> s.getKey().equals("closed-loop"))
                .mapToLong(ProcessDefinitionStatistics::getInstances)
                .sum();
        assertThat(closedLoop.runningInstances()).isPositive().isEqualTo(running);
        int row = models.indexOf(closedLoop);
        assertThat(GridKt._getFormattedRow(view.models, row))
                .contains(
                        "Process",
                        "Closed loop",
                        "closed-loop",
                        String.valueOf(closedLoop.latest().version()),
                        String.valueOf(running));

        view.models.select(closedLoop);

        List<ModelVersion> versions = GridKt._findAll(view.versions);
        assertThat(versions)
                .extracting(ModelVersion::version)
                .isSortedAccordingTo((a, b) -> b - a)
                .contains(1);
        assertThat(versions.stream().mapToLong(ModelVersion::runningInstances).sum())
                .isEqualTo(running);
        assertThat(IntStream.range(0, versions.size()).mapToObj(i -> GridKt._getFormattedRow(view.versions, i)))
                .anySatisfy(cells -> assertThat(cells)
                        .contains(
                                "1",
                                String.valueOf(versions.get(versions.size() - 1).runningInstances())));
        assertThat(view.versionsTitle.getText()).isEqualTo("Versions of process closed-loop");
    }

    @Test
    void editingAVersionOpensItsDraftInTheEditor() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(ModelLibraryView.class);
        ModelLibraryView view = _get(ModelLibraryView.class);
        Model policy = GridKt._findAll(view.models).stream()
                .filter(m -> m.key().equals("follow-up-policy"))
                .findFirst()
                .orElseThrow();
        view.models.select(policy);

        _click(_get(
                GridKt._getCellComponent(view.versions, 0, "actions"), Button.class, spec -> spec.withText("Edit")));

        DraftEditorView editor = _get(DraftEditorView.class);
        assertThat(_get(editor, H2.class, spec -> {}).getText()).isEqualTo("Decision follow-up-policy");
        assertThat(_get(editor, DmnEditor.class, spec -> {})).isNotNull();
        Draft draft = drafts.mine(PAULA).stream()
                .filter(d -> d.key().equals("follow-up-policy"))
                .findFirst()
                .orElseThrow();
        assertThat(draft.basedOnVersion()).isEqualTo(policy.latest().version());
    }

    @Test
    void inGermanARefusedDeploymentListsWhatIsWrongInGerman() {
        BrokenModels.Case scriptTask = BrokenModels.all().stream()
                .filter(c -> c.rule().equals("script task"))
                .findFirst()
                .orElseThrow();
        Draft draft = drafts.start(PAULA, scriptTask.resourceName(), scriptTask.content());
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent()
                .navigate(
                        DraftEditorView.class,
                        new RouteParameters("draftId", draft.id().toString()));
        DraftEditorView editor = _get(DraftEditorView.class);

        editor.deploy(null);

        NotificationsKt.expectNotifications("Die Engine hat die Bereitstellung abgelehnt");
        assertThat(IntStream.range(0, GridKt._size(editor.problems))
                        .mapToObj(row -> GridKt._getFormattedRow(editor.problems, row)))
                .anySatisfy(cells -> assertThat(cells)
                        .containsSequence(
                                "Skript-Aufgaben sind nicht erlaubt: Sie führen Code auf dem Server aus. Verwenden Sie "
                                        + "eine Service-Aufgabe, die eine erlaubte Bean nennt "
                                        + "(camunda:delegateExpression)",
                                "Task_Script"))
                .anySatisfy(cells -> assertThat(cells.get(0))
                        .isEqualTo("Skripte (scriptFormat=\"groovy\") sind nicht erlaubt; schreiben Sie Bedingungen "
                                + "als Ausdrücke, etwa ${score < 7}"));

        // a file that is no model at all, started from the library
        NotificationsKt.clearNotifications();
        UI.getCurrent().navigate(ModelLibraryView.class);
        _get(ModelLibraryView.class).startFromFile("notes.txt", "not a model");
        NotificationsKt.expectNotifications("Keine Modelldatei: notes.txt (erwartet: .bpmn, .dmn oder .form)");
    }

    @Test
    void aFrontlineAgentCanOpenNeitherTheLibraryNorAnEditor() {
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");

        assertThatThrownBy(() -> UI.getCurrent().navigate(ModelLibraryView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("models/drafts/" + UUID.randomUUID()))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
