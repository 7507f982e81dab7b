package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.function.BooleanSupplier;

/**
 * A dialog that asks for a few values and offers actions on them: its header, its fields, and in the footer
 * Cancel followed by the actions in the order they are added. An action that went through closes the dialog; one
 * that did not leaves it open, with the fields as the user left them.
 */
public class ActionDialog extends Dialog {

    public ActionDialog(String header, Component... content) {
        setHeaderTitle(header);
        add(content);
        getFooter().add(new Button(I18NProvider.translate("sharedkernel.cancel"), e -> close()));
    }

    /** An action; the dialog closes when it returns true. */
    public Button action(String label, BooleanSupplier done) {
        Button button = new Button(label, e -> {
            if (done.getAsBoolean()) {
                close();
            }
        });
        getFooter().add(button);
        return button;
    }

    /** The action the dialog is for, marked as such. */
    public Button primaryAction(String label, BooleanSupplier done) {
        Button button = action(label, done);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /**
     * A reason the decision is recorded with: required, checked as it is typed, the field marked while it is empty.
     */
    public static TextArea reason(String label, int maxLength) {
        TextArea reason = new TextArea(label);
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(maxLength);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.addValueChangeListener(e -> given(reason));
        return reason;
    }

    /** Whether the reason is there; marks the field if not. */
    public static boolean given(TextArea reason) {
        boolean given = !reason.getValue().isBlank();
        reason.setInvalid(!given);
        reason.setErrorMessage(given ? null : I18NProvider.translate("sharedkernel.reason-required"));
        return given;
    }

    /** Asks before an action that changes many things at once. */
    public static void confirm(String header, String text, String confirm, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirm, e -> action.run());
        dialog.setCancelable(true);
        dialog.setCancelText(I18NProvider.translate("sharedkernel.cancel"));
        dialog.open();
    }
}
