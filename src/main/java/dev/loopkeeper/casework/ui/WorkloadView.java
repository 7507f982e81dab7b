package dev.loopkeeper.casework.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.casework.BulkOutcome;
import dev.loopkeeper.casework.Workload;
import dev.loopkeeper.casework.Workload.Load;
import dev.loopkeeper.identity.Availability;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.ui.ActionDialog;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sharedkernel.ui.Translations;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who is overloaded: open, due today and breached per person and per group; moving work; who is away. */
@Route("supervision/workload")
@Menu(title = "Workload", order = 12, icon = "vaadin:scale")
@RolesAllowed({SUPERVISORS, ADMINS})
public class WorkloadView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Load> people = new Grid<>(Load.class, false);
    final Grid<Load> groups = new Grid<>(Load.class, false);
    private final Workload workload;
    private final Availability availability;
    private final Directory directory;
    private final Actor actor;
    private final ZoneId zone = Times.zone();

    public WorkloadView(Workload workload, Availability availability, Directory directory, CurrentUser currentUser) {
        this.workload = workload;
        this.availability = availability;
        this.directory = directory;
        this.actor = currentUser.require();
        setSizeFull();
        people.addColumn(Load::who)
                .setKey("who")
                .setHeader(getTranslation("casework.workload.person"))
                .setAutoWidth(true);
        counts(people);
        people.addColumn(new ComponentRenderer<>(this::away))
                .setKey("away")
                .setHeader(getTranslation("casework.workload.away"))
                .setAutoWidth(true);
        people.addColumn(new ComponentRenderer<>(load -> {
                    Button move = new Button(getTranslation("casework.workload.move-work"), e -> move(load.who()));
                    move.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    move.setEnabled(load.open() > 0);
                    return move;
                }))
                .setKey("move")
                .setHeader("")
                .setAutoWidth(true);
        groups.addColumn(Load::who)
                .setKey("who")
                .setHeader(getTranslation("casework.workload.group"))
                .setAutoWidth(true);
        counts(groups);
        people.setAllRowsVisible(true);
        groups.setAllRowsVisible(true);
        add(
                new H2(getTranslation("casework.workload.title")),
                new H3(getTranslation("casework.workload.people")),
                people,
                new H3(getTranslation("casework.workload.groups")),
                groups);
        refresh();
    }

    private void counts(Grid<Load> grid) {
        grid.addColumn(Load::open)
                .setKey("open")
                .setHeader(getTranslation("casework.workload.open"))
                .setAutoWidth(true);
        grid.addColumn(Load::dueToday)
                .setKey("dueToday")
                .setHeader(getTranslation("casework.workload.due-today"))
                .setAutoWidth(true);
        grid.addColumn(Load::breached)
                .setKey("breached")
                .setHeader(getTranslation("casework.workload.breached"))
                .setAutoWidth(true);
    }

    private Component away(Load load) {
        Checkbox away = new Checkbox(availability.isAway(load.who()));
        away.setAriaLabel(getTranslation("casework.workload.is-away-label", load.who()));
        away.addValueChangeListener(e -> {
            if (!e.isFromClient() && e.getValue() == availability.isAway(load.who())) {
                return; // put back after a refusal
            }
            try {
                availability.set(load.who(), e.getValue(), null, actor);
            } catch (IllegalArgumentException refused) {
                Notices.refused(refused);
                away.setValue(e.getOldValue());
                return;
            }
            Notification.show(
                    e.getValue()
                            ? getTranslation("casework.workload.is-away", load.who())
                            : getTranslation("casework.workload.is-back", load.who()),
                    3000,
                    Notification.Position.BOTTOM_START);
        });
        return away;
    }

    /** Everyone who holds work or could take it, with their away flag: all users, not only busy ones. */
    private List<Load> peopleWithLoad() {
        Map<String, Load> byPerson = new LinkedHashMap<>();
        workload.perPerson(zone).forEach(load -> byPerson.put(load.who(), load));
        directory.users().forEach(user -> byPerson.putIfAbsent(user, new Load(user, 0, 0, 0)));
        return List.copyOf(byPerson.values());
    }

    void move(String from) {
        List<String> others =
                directory.available().stream().filter(u -> !u.equals(from)).toList();
        ComboBox<String> to = new ComboBox<>(getTranslation("casework.workload.to"), others);
        to.setRequired(true);
        ActionDialog dialog = new ActionDialog(getTranslation("casework.workload.move-title", from), to);
        dialog.primaryAction(getTranslation("casework.workload.move-more"), () -> {
            if (to.isEmpty()) {
                to.setInvalid(true);
                return false;
            }
            String receiver = to.getValue();
            ActionDialog.confirm(
                    getTranslation("casework.workload.move-confirm", from, receiver),
                    getTranslation("casework.workload.move-text", receiver, from),
                    getTranslation("casework.workload.move"),
                    () -> {
                        BulkOutcome outcome = workload.move(from, receiver, actor);
                        Notices.outcome(
                                outcome.summary(
                                        getTranslation("casework.workload.moved-to", receiver),
                                        getTranslation("casework.workload.stayed"),
                                        Translations::say),
                                outcome.isComplete());
                        refresh();
                    });
            return true;
        });
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.workload.title") + " · Loopkeeper";
    }

    private void refresh() {
        people.setItems(peopleWithLoad());
        groups.setItems(workload.perGroup(zone));
    }
}
