package dev.loopkeeper.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.privacy.CustomerPrivacy;
import dev.loopkeeper.privacy.Erasure;
import dev.loopkeeper.privacy.ErasureRefused;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;

/**
 * A customer's requests about their data, for admins: download everything held about them as JSON, or erase them.
 * The erasure asks for the customer's id typed again, and a reason, and cannot be undone.
 */
@Route("privacy")
@Menu(title = "Customer data", order = 17, icon = "vaadin:user-check")
@RolesAllowed(Groups.ADMINS)
public class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    final TextField customer = new TextField(getTranslation("privacy.customer"));
    final Anchor export = new Anchor();
    final TextField confirmation = new TextField(getTranslation("privacy.confirmation"));
    final TextField reason = new TextField(getTranslation("privacy.reason"));
    final Button erase = new Button(getTranslation("privacy.erase"));
    private final CustomerPrivacy privacy;
    private final Actor actor;

    public PrivacyView(CustomerPrivacy privacy, CurrentUser currentUser) {
        this.privacy = privacy;
        this.actor = currentUser.require();
        customer.setWidth("28em");
        customer.setClearButtonVisible(true);
        export.setText(getTranslation("privacy.export"));
        export.setId("export-customer");
        export.getElement().setAttribute("download", true);
        export.setHref((DownloadHandler) event -> {
            event.setFileName("customer-data.json");
            event.setContentType("application/json");
            try (OutputStream out = event.getOutputStream()) {
                privacy.export(actor, customer.getValue(), out);
            }
        });
        confirmation.setWidth("20em");
        reason.setWidth("28em");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        erase.addClickListener(e -> erase());
        // on a phone the fields take the width there is and the buttons go under them
        customer.setMaxWidth("100%");
        confirmation.setMaxWidth("100%");
        reason.setMaxWidth("100%");
        HorizontalLayout find = new HorizontalLayout(customer, export);
        find.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        find.setWrap(true);
        HorizontalLayout confirm = new HorizontalLayout(confirmation, reason, erase);
        confirm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        confirm.setWrap(true);
        add(
                new H2(getTranslation("privacy.title")),
                new Paragraph(getTranslation("privacy.intro")),
                find,
                new H3(getTranslation("privacy.erase-title")),
                new Paragraph(getTranslation("privacy.erase-text")),
                confirm);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · Loopkeeper";
    }

    void erase() {
        try {
            Erasure done = privacy.erase(actor, customer.getValue(), confirmation.getValue(), reason.getValue());
            Notification.show(getTranslation(
                            "privacy.erased", done.cases(), done.openCasesClosed(), done.replacementId()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            customer.clear();
            confirmation.clear();
            reason.clear();
        } catch (ErasureRefused refused) {
            Notification.show(Notices.said(refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
