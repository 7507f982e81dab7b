package dev.loopkeeper.insight.ui;

import static dev.loopkeeper.sharedkernel.Groups.ADMINS;
import static dev.loopkeeper.sharedkernel.Groups.PROCESS_OWNERS;
import static dev.loopkeeper.sharedkernel.Groups.SUPERVISORS;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.ImprovementView;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.insight.NewImprovement;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/** Improvement actions: what is being fixed, by whom, by when, and how many customers wait on it. */
@Route("improvements")
@PageTitle("Improvements · Loopkeeper")
@Menu(title = "Improvements", order = 5, icon = "vaadin:lightbulb")
@RolesAllowed({PROCESS_OWNERS, SUPERVISORS, ADMINS})
public class ImprovementsView extends VerticalLayout {

    /** Root causes as the log-resolution form names them. */
    static final Map<String, String> ROOT_CAUSES = Map.of(
            "product-defect",
            "Product defect",
            "service-failure",
            "Service failure",
            "billing",
            "Billing",
            "delivery-delay",
            "Delivery or installation delay",
            "staff-behaviour",
            "Staff behaviour",
            "communication",
            "Communication",
            "policy",
            "Policy or price",
            "other",
            "Other");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    final Grid<ImprovementView> grid = new Grid<>(ImprovementView.class, false);
    final Button create = new Button("New improvement action", VaadinIcon.PLUS.create());
    private final Improvements improvements;
    private final CurrentUser currentUser;
    private final Directory directory;

    public ImprovementsView(Improvements improvements, CurrentUser currentUser, Directory directory) {
        this.directory = directory;
        this.improvements = improvements;
        this.currentUser = currentUser;
        setSizeFull();
        grid.addColumn(ImprovementView::title)
                .setKey("title")
                .setHeader("Action")
                .setFlexGrow(3);
        grid.addColumn(a -> a.rootCause() == null ? "" : ROOT_CAUSES.getOrDefault(a.rootCause(), a.rootCause()))
                .setKey("rootCause")
                .setHeader("Root cause");
        grid.addColumn(ImprovementView::owner).setKey("owner").setHeader("Owner");
        grid.addColumn(a -> DATE.format(a.deadline().atZone(Times.zone())))
                .setKey("deadline")
                .setHeader("Deadline");
        grid.addColumn(a -> a.status().name().toLowerCase()).setKey("status").setHeader("Status");
        grid.addColumn(ImprovementView::linkedCases).setKey("linkedCases").setHeader("Customers waiting");
        grid.setSizeFull();
        refresh();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new NewActionDialog().open());
        add(
                new HorizontalLayout(new H2("Improvement actions"), create),
                new Paragraph("Link a case to an action when you log a systemic resolution; its customer hears "
                        + "from us when the fix is announced."),
                grid);
    }

    private void refresh() {
        grid.setItems(improvements.all());
    }

    /** Title, root cause, owner and deadline: enough to start the action's process. */
    class NewActionDialog extends Dialog {

        final TextField title = new TextField("Title");
        final TextArea description = new TextArea("What to change");
        final Select<String> rootCause = new Select<>();
        final ComboBox<String> owner = new ComboBox<>("Owner");
        final DatePicker deadline = new DatePicker("Deadline");

        NewActionDialog() {
            setHeaderTitle("New improvement action");
            title.setMaxLength(200);
            title.setRequired(true);
            description.setMaxLength(4000);
            rootCause.setLabel("Root cause");
            rootCause.setItems(ROOT_CAUSES.keySet().stream().sorted().toList());
            rootCause.setItemLabelGenerator(ROOT_CAUSES::get);
            owner.setItems(directory.users());
            owner.setRequired(true);
            owner.setHelperText("Who sees it through");
            deadline.setRequired(true);
            FormLayout form = new FormLayout(title, rootCause, owner, deadline, description);
            form.setColspan(description, 2);
            add(form);
            Button save = new Button("Create", e -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button("Cancel", e -> close()), save);
        }

        private void save() {
            if (owner.isEmpty()) {
                owner.setInvalid(true);
                owner.setErrorMessage("Choose who owns the action");
                return;
            }
            try {
                improvements.create(
                        new NewImprovement(
                                title.getValue(),
                                description.getValue(),
                                rootCause.getValue(),
                                owner.getValue(),
                                deadline.isEmpty()
                                        ? null
                                        : deadline.getValue()
                                                .atTime(LocalTime.of(17, 0))
                                                .atZone(Times.zone())
                                                .toInstant()),
                        currentUser.require());
                Notices.success("Improvement action created");
                refresh();
                close();
            } catch (IllegalArgumentException invalid) {
                Notices.refused(invalid.getMessage());
            }
        }
    }
}
