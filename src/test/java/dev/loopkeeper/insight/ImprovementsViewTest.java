package dev.loopkeeper.insight;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.insight.ui.ImprovementsView;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The minimal entry point to the systemic loop: leads create improvement actions; agents cannot. */
@LoopkeeperTest
class ImprovementsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Improvements improvements;

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void aProcessOwnerCreatesAnImprovementActionThatStartsItsProcess() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(ImprovementsView.class);

        _click(_get(Button.class, spec -> spec.withText("New improvement action")));
        _get(TextField.class, spec -> spec.withLabel("Title")).setValue("Shorter hotline queues");
        _get(ComboBox.class, spec -> spec.withLabel("Owner")).setValue("paula");
        _get(DatePicker.class, spec -> spec.withLabel("Deadline"))
                .setValue(LocalDate.now().plusDays(30));
        _click(_get(Button.class, spec -> spec.withText("Create")));

        NotificationsKt.expectNotifications("Improvement action created");
        @SuppressWarnings("unchecked")
        Grid<ImprovementView> grid = _get(Grid.class);
        assertThat(GridKt._findAll(grid)).extracting(ImprovementView::title).contains("Shorter hotline queues");
        ImprovementView created = improvements.all().stream()
                .filter(a -> a.title().equals("Shorter hotline queues"))
                .findFirst()
                .orElseThrow();
        assertThat(created.status()).isEqualTo(ImprovementStatus.OPEN);
        assertThat(created.createdBy()).isEqualTo("paula");
    }

    @Test
    void theOwnerIsPickedFromTheDirectory() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(ImprovementsView.class);

        _click(_get(Button.class, spec -> spec.withText("New improvement action")));
        @SuppressWarnings("unchecked")
        ComboBox<String> owner = _get(ComboBox.class, spec -> spec.withLabel("Owner"));

        assertThat(ComboBoxKt.getSuggestions(owner))
                .contains("paula", "fiona", "sam")
                .doesNotContain("ghost");
    }

    @Test
    void anOwnerWhoIsNoUserIsRefusedWithAReason() {
        assertThatThrownBy(() -> improvements.create(
                        new NewImprovement(
                                "Ghost owner",
                                null,
                                null,
                                "ghost",
                                Instant.now().plusSeconds(86400)),
                        new Actor("paula", Set.of("process-owners"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No user ghost to own the action");
        assertThat(improvements.all()).extracting(ImprovementView::title).doesNotContain("Ghost owner");
    }

    @Test
    void aFrontlineAgentCannotOpenIt() {
        KaribuUi.signIn(context, "fiona", "frontline");

        assertThatThrownBy(() -> UI.getCurrent().navigate(ImprovementsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
