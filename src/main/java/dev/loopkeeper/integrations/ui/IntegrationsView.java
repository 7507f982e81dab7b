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
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "Integrations", order = 8.5, icon = "vaadin:connect")
@RolesAllowed(Groups.ADMINS)
public class IntegrationsView extends VerticalLayout implements HasDynamicTitle {

    final TextField slackUrl = secretUrlField(getTranslation("integrations.slack.url"));
    final TextField teamsUrl = secretUrlField(getTranslation("integrations.teams.url"));
    final TextField zendeskAddress = new TextField(getTranslation("integrations.zendesk.address"));
    final TextField zendeskEmail = new TextField(getTranslation("integrations.zendesk.email"));
    final PasswordField zendeskToken = new PasswordField(getTranslation("integrations.zendesk.token"));
    final TextField webhookUrl = new TextField(getTranslation("integrations.webhooks.url"));
    final TextField webhookDescription = new TextField(getTranslation("integrations.webhooks.description"));
    final CheckboxGroup<WebhookEvent> webhookEvents =
            new CheckboxGroup<>(getTranslation("integrations.webhooks.events"));
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
                new H2(getTranslation("menu.integrations")),
                new Paragraph(getTranslation("integrations.intro")),
                chat(Medium.SLACK, slackUrl, slackStatus),
                chat(Medium.TEAMS, teamsUrl, teamsStatus),
                helpDesk(),
                webhooks(),
                deliveryLog());
        refresh();
    }

    private Component chat(Medium chat, TextField url, Span status) {
        Button save = new Button(
                getTranslation("integrations.save"),
                e -> attempt(
                        () -> {
                            tools.connectChat(chat, url.getValue(), userId);
                            return getTranslation("integrations.connected", label(chat));
                        },
                        () -> url.clear()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button test = new Button(
                getTranslation("integrations.send-test"), VaadinIcon.PAPERPLANE.create(), e -> sendTest(chat));
        Button disconnect = new Button(
                getTranslation("integrations.disconnect"),
                e -> attempt(
                        () -> {
                            tools.disconnect(chat);
                            return getTranslation("integrations.disconnected", label(chat));
                        },
                        () -> {}));
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return section(label(chat), status, row(url, save, test, disconnect));
    }

    private Component helpDesk() {
        zendeskAddress.setPlaceholder(getTranslation("integrations.zendesk.address.placeholder"));
        zendeskAddress.setWidth("18em");
        zendeskEmail.setWidth("14em");
        zendeskToken.setHelperText(getTranslation("integrations.zendesk.token.helper"));
        Button save = new Button(
                getTranslation("integrations.save"),
                e -> attempt(
                        () -> {
                            tools.connectHelpDesk(
                                    zendeskAddress.getValue(),
                                    zendeskEmail.getValue(),
                                    zendeskToken.getValue(),
                                    userId);
                            return getTranslation("integrations.connected", "Zendesk");
                        },
                        () -> zendeskToken.clear()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button test = new Button(
                getTranslation("integrations.send-test"),
                VaadinIcon.PAPERPLANE.create(),
                e -> sendTest(Medium.HELP_DESK));
        Button disconnect = new Button(
                getTranslation("integrations.disconnect"),
                e -> attempt(
                        () -> {
                            tools.disconnect(Medium.HELP_DESK);
                            return getTranslation("integrations.disconnected", "Zendesk");
                        },
                        () -> {}));
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return section(
                getTranslation("integrations.zendesk.title"),
                zendeskStatus,
                new Paragraph(getTranslation("integrations.zendesk.intro")),
                row(zendeskAddress, zendeskEmail, zendeskToken, save, test, disconnect));
    }

    private Component webhooks() {
        webhookUrl.setWidth("24em");
        webhookUrl.setPlaceholder("https://example.com/hooks/loopkeeper");
        webhookEvents.setItems(Arrays.stream(WebhookEvent.values())
                .filter(e -> e != WebhookEvent.TEST)
                .toList());
        webhookEvents.setItemLabelGenerator(WebhookEvent::type);
        Button add = new Button(
                getTranslation("integrations.webhooks.add"), VaadinIcon.PLUS.create(), e -> addSubscription());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        subscriptions
                .addColumn(s -> s.url().toString())
                .setHeader(getTranslation("integrations.webhooks.column.url"))
                .setFlexGrow(2);
        subscriptions
                .addColumn(s -> s.events().stream()
                        .sorted(Comparator.naturalOrder())
                        .map(WebhookEvent::type)
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("integrations.webhooks.events"))
                .setFlexGrow(2);
        subscriptions
                .addColumn(s -> s.description() == null ? "" : s.description())
                .setHeader(getTranslation("integrations.webhooks.description"));
        subscriptions
                .addColumn(WebhookSubscriptions.Subscription::secretHint)
                .setHeader(getTranslation("integrations.webhooks.column.secret"));
        subscriptions
                .addComponentColumn(s -> {
                    Button test = new Button(getTranslation("integrations.send-test"), e -> {
                        WebhookDeliveries.Delivery sent = webhookDeliveries.sendTest(s.id());
                        if ("SENT".equals(sent.status())) {
                            Notices.success(
                                    getTranslation(
                                            "integrations.webhooks.test-delivered",
                                            String.valueOf(sent.responseCode())),
                                    5000);
                        } else {
                            Notices.failed(getTranslation("integrations.webhooks.test-failed", sent.lastError()));
                        }
                        refresh();
                    });
                    Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                        webhookSubscriptions.remove(s.id());
                        refresh();
                    });
                    remove.setAriaLabel(getTranslation("integrations.webhooks.remove"));
                    remove.setTooltipText(getTranslation("integrations.webhooks.remove.tooltip"));
                    remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    return new HorizontalLayout(test, remove);
                })
                .setKey("actions");
        subscriptions.setAllRowsVisible(true);
        return section(
                getTranslation("integrations.webhooks.title"),
                new Span(),
                new Paragraph(getTranslation("integrations.webhooks.intro")),
                row(webhookUrl, webhookDescription, add),
                webhookEvents,
                subscriptions);
    }

    private Component deliveryLog() {
        deliveries
                .addColumn(d -> Times.format(d.createdAt(), Times.zone()))
                .setHeader(getTranslation("integrations.log.created"));
        deliveries.addColumn(WebhookDeliveries.Delivery::eventType).setHeader(getTranslation("integrations.log.event"));
        deliveries.addColumn(d -> delivery(d.status())).setHeader(getTranslation("integrations.log.status"));
        deliveries
                .addColumn(WebhookDeliveries.Delivery::attempts)
                .setHeader(getTranslation("integrations.log.attempts"));
        deliveries
                .addColumn(d -> d.responseCode() == null ? "" : d.responseCode().toString())
                .setHeader(getTranslation("integrations.log.response"));
        deliveries
                .addColumn(d -> d.lastError() == null ? "" : d.lastError())
                .setHeader(getTranslation("integrations.log.last-error"))
                .setFlexGrow(2);
        deliveries
                .addColumn(d -> d.pending() ? time(d.nextAttemptAt()) : "")
                .setHeader(getTranslation("integrations.log.next-try"));
        deliveries.addColumn(WebhookDeliveries.Delivery::id).setHeader("webhook-id");
        deliveries
                .addComponentColumn(d -> {
                    Button replay =
                            new Button(getTranslation("integrations.log.replay"), VaadinIcon.REFRESH.create(), e -> {
                                try {
                                    webhookDeliveries.replay(d.id());
                                    Notices.success(getTranslation("integrations.log.replayed", d.id()));
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
        Button refresh =
                new Button(getTranslation("integrations.log.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return section(getTranslation("integrations.log.title"), new Span(), refresh, deliveries);
    }

    private void addSubscription() {
        try {
            WebhookSubscriptions.Added added = webhookSubscriptions.add(
                    webhookUrl.getValue(), webhookEvents.getValue(), webhookDescription.getValue(), userId);
            Notification shown = Notification.show(
                    getTranslation("integrations.webhooks.secret", added.secret()),
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

    private String status(StaffTools.Connection connection) {
        return connection.connected()
                ? getTranslation(
                        "integrations.status.connected",
                        connection.hint(),
                        connection.changedBy(),
                        time(connection.changedAt()))
                : getTranslation("integrations.status.not-connected");
    }

    /** A delivery's stored state (SENT, PENDING, FAILED) in the reader's words; another one as it is. */
    private String delivery(String status) {
        return switch (status == null ? "" : status) {
            case "SENT" -> getTranslation("integrations.log.status.sent");
            case "PENDING" -> getTranslation("integrations.log.status.pending");
            case "FAILED" -> getTranslation("integrations.log.status.failed");
            default -> status;
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.integrations") + " · Loopkeeper";
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
        field.setHelperText(I18NProvider.translate("integrations.stored"));
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
