package dev.loopkeeper.intake.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.intake.WebhookSecrets;
import dev.loopkeeper.intake.WebhookSecrets.SourceSecret;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;

/**
 * Webhook sources and their signing secrets. Rotating one: add the new secret, let the sender sign with it, remove
 * the old one. Every node reads the secrets on each delivery, so a change needs no restart. A secret is shown in full
 * once, when it is added.
 */
@Route("import/sources")
@PageTitle("Webhook sources · Loopkeeper")
@Menu(title = "Webhook sources", order = 8, icon = "vaadin:key")
@RolesAllowed(Groups.ADMINS)
public class WebhookSourcesView extends VerticalLayout {

    final Grid<SourceSecret> secrets = new Grid<>(SourceSecret.class, false);
    final TextField source = new TextField("Source");
    final TextField secret = new TextField("Secret");
    final Button add = new Button("Add secret", VaadinIcon.PLUS.create());
    private final WebhookSecrets webhookSecrets;
    private final CurrentUser currentUser;

    public WebhookSourcesView(WebhookSecrets webhookSecrets, CurrentUser currentUser) {
        this.webhookSecrets = webhookSecrets;
        this.currentUser = currentUser;
        setWidthFull();
        secrets.addColumn(SourceSecret::source).setHeader("Source");
        secrets.addColumn(
                        s -> s.source().equals("delighted") ? "/api/webhooks/delighted" : "/api/webhooks/" + s.source())
                .setHeader("Address")
                .setFlexGrow(2);
        secrets.addColumn(SourceSecret::hint).setHeader("Secret");
        secrets.addColumn(s -> s.addedBy() + ", " + Times.format(s.addedAt(), Times.zone()))
                .setHeader("Added");
        secrets.addComponentColumn(s -> {
                    Button remove = new Button("Remove", VaadinIcon.TRASH.create(), e -> {
                        webhookSecrets.remove(s.id());
                        refresh();
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    return remove;
                })
                .setHeader("");
        secrets.setAllRowsVisible(true);
        source.setHelperText("Lower-case letters, digits and . _ -; delighted for Delighted");
        secret.setHelperText("Empty: a new random one (whsec_…) for a Standard Webhooks sender; for Delighted, "
                + "paste the secret Delighted shows");
        secret.setWidth("28em");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> add());
        HorizontalLayout form = new HorizontalLayout(source, secret, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                new H2("Webhook sources"),
                new Paragraph("A survey tool signs each delivery with a secret of its source. To rotate one, add the "
                        + "new secret, switch the sender over, then remove the old one: both are valid meanwhile, "
                        + "on every node, without a restart."),
                form,
                secrets);
        refresh();
    }

    private void add() {
        String value = secret.isEmpty() ? WebhookSecrets.generate() : secret.getValue();
        try {
            webhookSecrets.add(
                    source.getValue().strip(), value, currentUser.require().userId());
        } catch (IllegalArgumentException | org.springframework.dao.DataIntegrityViolationException invalid) {
            Notification.show(
                            invalid instanceof IllegalArgumentException
                                    ? invalid.getMessage()
                                    : "That source has this secret already",
                            5000,
                            Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification shown = Notification.show(
                "Secret for " + source.getValue().strip() + ": " + value + " (copy it now: it is not shown again)",
                20000,
                Notification.Position.MIDDLE);
        shown.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        secret.clear();
        refresh();
    }

    private void refresh() {
        secrets.setItems(webhookSecrets.all());
    }
}
