package dev.loopkeeper.integrations.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.integrations.WebhookDeliveries;
import dev.loopkeeper.integrations.WebhookEvent;
import dev.loopkeeper.integrations.WebhookSubscriptions;
import dev.loopkeeper.outreach.Medium;
import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.outreach.StaffTools;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The tools the team already uses, connected by admins: Slack and Teams (where the alert policy's {@code slack} and
 * {@code teams} routes post), the help desk (Zendesk, for the case screen's "Open help-desk ticket"), and outbound
 * webhooks for case events with their delivery log. Every credential is stored and never shown back; each tool has
 * a "Send test".
 */
@Route("integrations")
@PageTitle("Integrations · Loopkeeper")
@Menu(title = "Integrations", order = 8.5, icon = "vaadin:connect")
@RolesAllowed(Groups.ADMINS)
public class IntegrationsView extends VerticalLayout {

    final TextField slackUrl = secretUrlField("Slack incoming webhook URL");
    final TextField teamsUrl = secretUrlField("Teams incoming webhook URL");
    final TextField zendeskAddress = new TextField("Zendesk address");
    final TextField zendeskEmail = new TextField("Agent email");
    final PasswordField zendeskToken = new PasswordField("API token");
    final TextField webhookUrl = new TextField("Endpoint URL");
    final TextField webhookDescription = new TextField("Description");
    final CheckboxGroup<WebhookEvent> webhookEvents = new CheckboxGroup<>("Events");
    final Grid<WebhookSubscriptions.Subscription> subscriptions = new Grid<>();
    final Grid<WebhookDeliveries.Delivery> deliveries = new Grid<>();
    private final Span slackStatus = new Span();
    private final Span teamsStatus = new Span();
    private final Span zendeskStatus = new Span();
    private final StaffTools tools;
    private final WebhookSubscriptions webhookSubscriptions;
    private final WebhookDeliveries webhookDeliveries;
    private final String userId;

    public IntegrationsView(
            StaffTools tools,
            WebhookSubscriptions webhookSubscriptions,
            WebhookDeliveries webhookDeliveries,
            CurrentUser currentUser) {
        this.tools = tools;
        this.webhookSubscriptions = webhookSubscriptions;
        this.webhookDeliveries = webhookDeliveries;
        this.userId = currentUser.require().userId();
        setWidthFull();
        add(
                new H2("Integrations"),
                new Paragraph("Alert rules with the channel slack or teams post to the chat connected here (see the "
                        + "alert policy). Credentials are stored and never shown again: to change one, enter it anew."),
                chat(Medium.SLACK, slackUrl, slackStatus),
                chat(Medium.TEAMS, teamsUrl, teamsStatus),
                helpDesk(),
                webhooks(),
                deliveryLog());
        refresh();
    }

    private Component chat(Medium chat, TextField url, Span status) {
        Button save = new Button(
                "Save",
                e -> attempt(
                        () -> {
                            tools.connectChat(chat, url.getValue(), userId);
                            return label(chat) + " connected";
                        },
                        () -> url.clear()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button test = new Button("Send test", VaadinIcon.PAPERPLANE.create(), e -> sendTest(chat));
        Button disconnect = new Button(
                "Disconnect",
                e -> attempt(
                        () -> {
                            tools.disconnect(chat);
                            return label(chat) + " disconnected";
                        },
                        () -> {}));
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return section(label(chat), status, row(url, save, test, disconnect));
    }

    private Component helpDesk() {
        zendeskAddress.setPlaceholder("https://acme.zendesk.com or acme");
        zendeskAddress.setWidth("18em");
        zendeskEmail.setWidth("14em");
        zendeskToken.setHelperText("Empty keeps the stored token");
        Button save = new Button(
                "Save",
                e -> attempt(
                        () -> {
                            tools.connectHelpDesk(
                                    zendeskAddress.getValue(),
                                    zendeskEmail.getValue(),
                                    zendeskToken.getValue(),
                                    userId);
                            return "Zendesk connected";
                        },
                        () -> zendeskToken.clear()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button test = new Button("Send test", VaadinIcon.PAPERPLANE.create(), e -> sendTest(Medium.HELP_DESK));
        Button disconnect = new Button(
                "Disconnect",
                e -> attempt(
                        () -> {
                            tools.disconnect(Medium.HELP_DESK);
                            return "Zendesk disconnected";
                        },
                        () -> {}));
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return section(
                "Help desk (Zendesk)",
                zendeskStatus,
                new Paragraph("The case screen's \"Open help-desk ticket\" opens a ticket with the customer's response "
                        + "as a private note. The test signs in and opens nothing."),
                row(zendeskAddress, zendeskEmail, zendeskToken, save, test, disconnect));
    }

    private Component webhooks() {
        webhookUrl.setWidth("24em");
        webhookUrl.setPlaceholder("https://example.com/hooks/loopkeeper");
        webhookEvents.setItems(Arrays.stream(WebhookEvent.values())
                .filter(e -> e != WebhookEvent.TEST)
                .toList());
        webhookEvents.setItemLabelGenerator(WebhookEvent::type);
        Button add = new Button("Add subscription", VaadinIcon.PLUS.create(), e -> addSubscription());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        subscriptions.addColumn(s -> s.url().toString()).setHeader("URL").setFlexGrow(2);
        subscriptions
                .addColumn(s -> s.events().stream()
                        .sorted(Comparator.naturalOrder())
                        .map(WebhookEvent::type)
                        .collect(Collectors.joining(", ")))
                .setHeader("Events")
                .setFlexGrow(2);
        subscriptions
                .addColumn(s -> s.description() == null ? "" : s.description())
                .setHeader("Description");
        subscriptions.addColumn(WebhookSubscriptions.Subscription::secretHint).setHeader("Secret");
        subscriptions
                .addComponentColumn(s -> {
                    Button test = new Button("Send test", e -> {
                        WebhookDeliveries.Delivery sent = webhookDeliveries.sendTest(s.id());
                        if ("SENT".equals(sent.status())) {
                            Notices.success("Test delivered (" + sent.responseCode() + ")", 5000);
                        } else {
                            Notices.failed("Test not delivered: " + sent.lastError());
                        }
                        refresh();
                    });
                    Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                        webhookSubscriptions.remove(s.id());
                        refresh();
                    });
                    remove.setAriaLabel("Remove");
                    remove.setTooltipText("Remove the subscription");
                    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    return new HorizontalLayout(test, remove);
                })
                .setKey("actions");
        subscriptions.setAllRowsVisible(true);
        return section(
                "Outbound webhooks",
                new Span(),
                new Paragraph("Case events as Standard Webhooks: each delivery is signed with the subscription's "
                        + "secret (headers webhook-id, webhook-timestamp, webhook-signature), retried for about a day "
                        + "and a half, and logged below."),
                row(webhookUrl, webhookDescription, add),
                webhookEvents,
                subscriptions);
    }

    private Component deliveryLog() {
        deliveries.addColumn(d -> Times.format(d.createdAt(), Times.zone())).setHeader("Created");
        deliveries.addColumn(WebhookDeliveries.Delivery::eventType).setHeader("Event");
        deliveries.addColumn(WebhookDeliveries.Delivery::status).setHeader("Status");
        deliveries.addColumn(WebhookDeliveries.Delivery::attempts).setHeader("Attempts");
        deliveries
                .addColumn(d -> d.responseCode() == null ? "" : d.responseCode().toString())
                .setHeader("Response");
        deliveries
                .addColumn(d -> d.lastError() == null ? "" : d.lastError())
                .setHeader("Last error")
                .setFlexGrow(2);
        deliveries.addColumn(d -> d.pending() ? time(d.nextAttemptAt()) : "").setHeader("Next try");
        deliveries.addColumn(WebhookDeliveries.Delivery::id).setHeader("webhook-id");
        deliveries
                .addComponentColumn(d -> {
                    Button replay = new Button("Replay", VaadinIcon.REFRESH.create(), e -> {
                        try {
                            webhookDeliveries.replay(d.id());
                            Notices.success("Sent again shortly, as " + d.id());
                        } catch (IllegalArgumentException busy) {
                            Notices.refused(busy.getMessage());
                        }
                        refresh();
                    });
                    replay.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    return replay;
                })
                .setKey("replay");
        deliveries.setItems(
                query -> webhookDeliveries.recent(query.getOffset(), query.getLimit()).stream(),
                query -> webhookDeliveries.count());
        deliveries.setHeight("24em");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return section("Delivery log", new Span(), refresh, deliveries);
    }

    private void addSubscription() {
        try {
            WebhookSubscriptions.Added added = webhookSubscriptions.add(
                    webhookUrl.getValue(), webhookEvents.getValue(), webhookDescription.getValue(), userId);
            Notification shown = Notification.show(
                    "Signing secret: " + added.secret() + " (copy it now: it is not shown again)",
                    30000,
                    Notification.Position.MIDDLE);
            shown.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            webhookUrl.clear();
            webhookDescription.clear();
            webhookEvents.clear();
            refresh();
        } catch (IllegalArgumentException invalid) {
            Notices.refused(invalid.getMessage());
        }
    }

    private void sendTest(Medium tool) {
        try {
            Notices.success(tools.sendTest(tool), 5000);
        } catch (OutreachFailed failed) {
            Notices.failed(failed.getMessage());
        }
    }

    private void attempt(Supplier<String> action, Runnable then) {
        try {
            Notices.success(action.get());
            then.run();
            refresh();
        } catch (IllegalArgumentException invalid) {
            Notices.refused(invalid.getMessage());
        }
    }

    private void refresh() {
        slackStatus.setText(status(tools.connection(Medium.SLACK)));
        teamsStatus.setText(status(tools.connection(Medium.TEAMS)));
        StaffTools.Connection zendesk = tools.connection(Medium.HELP_DESK);
        zendeskStatus.setText(status(zendesk));
        if (zendesk.connected()) {
            zendeskAddress.setValue(zendesk.hint());
            zendeskEmail.setValue(zendesk.account() == null ? "" : zendesk.account());
        }
        subscriptions.setItems(webhookSubscriptions.all());
        deliveries.getDataProvider().refreshAll();
    }

    private static String status(StaffTools.Connection connection) {
        return connection.connected()
                ? "Connected: " + connection.hint() + " (by " + connection.changedBy() + ", "
                        + time(connection.changedAt()) + ")"
                : "Not connected";
    }

    private static String time(Instant at) {
        return at == null ? "" : Times.format(at, Times.zone());
    }

    private static String label(Medium chat) {
        return chat == Medium.SLACK ? "Slack" : "Microsoft Teams";
    }

    private static TextField secretUrlField(String label) {
        TextField field = new TextField(label);
        field.setWidth("28em");
        field.setPlaceholder("https://…");
        field.setHelperText("Stored, never shown again");
        return field;
    }

    private static Component section(String title, Component status, Component... content) {
        VerticalLayout section = new VerticalLayout(new H3(title), status);
        section.add(content);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }
}
