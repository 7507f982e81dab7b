package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.ContactReport;
import dev.loopkeeper.casework.TaskRow;
import dev.loopkeeper.sharedkernel.Channel;
import java.util.function.Predicate;

/** Asks how the contact went. Knows no service: it hands the report to whoever opened it. */
class ContactReportDialog extends Dialog {

    final RadioButtonGroup<ContactOutcome> outcome = new RadioButtonGroup<>(getTranslation("casework.contact.outcome"));
    final Select<Channel> channel = new Select<>();
    final TextArea notes = new TextArea(getTranslation("casework.contact.notes"));
    final Button save = new Button(getTranslation("casework.contact.complete"));

    ContactReportDialog(TaskRow task, Predicate<ContactReport> onSave) {
        setHeaderTitle(
                task.customerName() == null
                        ? getTranslation("casework.contact.title-customer")
                        : getTranslation("casework.contact.title", task.customerName()));
        outcome.setItems(ContactOutcome.values());
        outcome.setItemLabelGenerator(Labels::of);
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        outcome.setRequiredIndicatorVisible(true);
        channel.setLabel(getTranslation("casework.contact.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(Labels::of);
        channel.setValue(Channel.PHONE);
        channel.setRequiredIndicatorVisible(true);
        notes.setMaxLength(ContactReport.MAX_NOTES);
        notes.setHelperText(getTranslation("casework.contact.notes-helper"));
        FormLayout form = new FormLayout(outcome, channel, notes);
        form.setColspan(notes, 2);
        add(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (outcome.isEmpty()) {
                outcome.setInvalid(true);
                outcome.setErrorMessage(getTranslation("casework.contact.outcome-missing"));
                return;
            }
            if (onSave.test(new ContactReport(channel.getValue(), outcome.getValue(), notes.getValue()))) {
                close();
            }
        });
        Button cancel = new Button(getTranslation("casework.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
