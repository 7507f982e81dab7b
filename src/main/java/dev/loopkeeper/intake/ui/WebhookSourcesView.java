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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "Webhook sources", order = 8, icon = "vaadin:key")
@RolesAllowed(Groups.ADMINS)
public class WebhookSourcesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<SourceSecret> secrets = new Grid<>(SourceSecret.class, false);
    final TextField source = new TextField(getTranslation("intake.sources.source"));
    final TextField secret = new TextField(getTranslation("intake.sources.secret"));
    final Button add = new Button(getTranslation("intake.sources.add"), VaadinIcon.PLUS.create());
    private final WebhookSecrets webhookSecrets;
    private final CurrentUser currentUser;

    public WebhookSourcesView(WebhookSecrets webhookSecrets, CurrentUser currentUser) {
        this.webhookSecrets = webhookSecrets;
        this.currentUser = currentUser;
        setWidthFull();
        secrets.addColumn(SourceSecret::source).setHeader(getTranslation("intake.sources.source"));
        secrets.addColumn(
                        s -> s.source().equals("delighted") ? "/api/webhooks/delighted" : "/api/webhooks/" + s.source())
                .setHeader(getTranslation("intake.sources.address"))
                .setFlexGrow(2);
        secrets.addColumn(SourceSecret::hint).setHeader(getTranslation("intake.sources.secret"));
        secrets.addColumn(s -> s.addedBy() + ", " + Times.format(s.addedAt(), Times.zone()))
                .setHeader(getTranslation("intake.sources.added"));
        secrets.addComponentColumn(s -> {
                    Button remove =
                            new Button(getTranslation("intake.sources.remove"), VaadinIcon.TRASH.create(), e -> {
                                webhookSecrets.remove(s.id());
                                refresh();
                            });
                    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    return remove;
                })
                .setHeader("");
        secrets.setAllRowsVisible(true);
        source.setHelperText(getTranslation("intake.sources.source.helper"));
        secret.setHelperText(getTranslation("intake.sources.secret.helper"));
        secret.setWidth("28em");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> add());
        HorizontalLayout form = new HorizontalLayout(source, secret, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                new H2(getTranslation("menu.import.sources")),
                new Paragraph(getTranslation("intake.sources.intro")),
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
                                    : getTranslation("intake.sources.duplicate"),
                            5000,
                            Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification shown = Notification.show(
                getTranslation("intake.sources.added-secret", source.getValue().strip(), value),
                20000,
                Notification.Position.MIDDLE);
        shown.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        secret.clear();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.import.sources") + " · Loopkeeper";
    }

    private void refresh() {
        secrets.setItems(webhookSecrets.all());
    }
}
