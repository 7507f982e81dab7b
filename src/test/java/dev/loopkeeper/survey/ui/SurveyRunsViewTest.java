package dev.loopkeeper.survey.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.survey.InvitationStatus;
import dev.loopkeeper.survey.SurveyRunView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A process owner sends a survey to a list from the screen, watches it and pauses it. */
@LoopkeeperTest
class SurveyRunsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseIntake intake;

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void aProcessOwnerStartsARunFromAListSeesItsProgressAndPausesIt() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(SurveyRunsView.class);
        SurveyRunsView view = _get(SurveyRunsView.class);
        String run = "Winter check-in " + UUID.randomUUID();
        view.name.setValue(run);

        view.start(csv("external_id,email\nC-" + UUID.randomUUID() + ",a@example.com\nC-" + UUID.randomUUID()
                + ",b@example.com\n"));

        NotificationsKt.expectNotifications("Sending 2 surveys");
        @SuppressWarnings("unchecked")
        Grid<SurveyRunView> grid = _get(Grid.class);
        SurveyRunView shown = GridKt._get(grid, 0);
        assertThat(shown.name()).isEqualTo(run);
        assertThat(shown.total()).isEqualTo(2);
        assertThat(shown.createdBy()).isEqualTo("paula");
        assertThat(shown.counts()).containsEntry(InvitationStatus.SCHEDULED, 2L);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("scheduled 2");

        _click(_get(GridKt._getCellComponent(grid, 0, "pause"), Button.class, spec -> spec.withText("Pause")));

        assertThat(GridKt._get(grid, 0).paused()).isTrue();
        _get(GridKt._getCellComponent(grid, 0, "pause"), Button.class, spec -> spec.withText("Resume"));
    }

    @Test
    void aProcessOwnerPicksCustomersByAQuerySeesHowManyAndSendsToThem() {
        String region = "R-" + UUID.randomUUID().toString().substring(0, 8);
        intake.receive(TestResponses.response(3).region(region).build());
        intake.receive(TestResponses.response(9).region(region).build());
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(SurveyRunsView.class);
        SurveyRunsView view = _get(SurveyRunsView.class);

        view.region.setValue(region);
        assertThat(view.matching.getText()).startsWith("2 customers match");
        view.segment.setValue(Segment.DETRACTOR);
        assertThat(view.matching.getText()).startsWith("1 customer matches");
        assertThat(view.sendToQuery.getText()).isEqualTo("Send to 1 customer");
        String run = "Detractors of " + region;
        view.name.setValue(run);
        _click(view.sendToQuery);

        NotificationsKt.expectNotifications("Sending 1 surveys");
        @SuppressWarnings("unchecked")
        Grid<SurveyRunView> grid = _get(Grid.class);
        assertThat(GridKt._get(grid, 0).name()).isEqualTo(run);
        assertThat(GridKt._get(grid, 0).total()).isEqualTo(1);

        view.region.setValue("R-nobody-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(view.matching.getText()).startsWith("0 customers match");
        assertThat(view.sendToQuery.isEnabled()).isFalse();
    }

    @Test
    void inSpanishTheListUploadSpeaksSpanish() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("es"));
        UI.getCurrent().navigate(SurveyRunsView.class);
        SurveyRunsView view = _get(SurveyRunsView.class);

        assertThat(view.upload.getI18n().getAddFiles().getOne()).isEqualTo("Subir archivo…");
        assertThat(view.upload.getI18n().getError().getIncorrectFileType()).isEqualTo("Tipo de archivo incorrecto.");
    }

    @Test
    void aListWithoutTheColumnsItNeedsIsRefusedWithWhatIsMissing() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(SurveyRunsView.class);
        SurveyRunsView view = _get(SurveyRunsView.class);
        view.name.setValue("Bad list " + UUID.randomUUID());
        int before = GridKt._size(_get(Grid.class));

        view.start(csv("customer;mail\nC-1;a@example.com\n"));

        NotificationsKt.expectNotifications(
                "1 problem(s) in the list: the header row must name external_id and email (columns: external_id,"
                        + " name, email, phone, preferred_channel, tier, language)");
        assertThat(GridKt._size(_get(Grid.class))).isEqualTo(before);
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
