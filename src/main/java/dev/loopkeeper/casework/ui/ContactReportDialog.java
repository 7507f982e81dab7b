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

    final RadioButtonGroup<ContactOutcome> outcome = new RadioButtonGroup<>("Outcome");
    final Select<Channel> channel = new Select<>();
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Complete task");

    ContactReportDialog(TaskRow task, Predicate<ContactReport> onSave) {
        setHeaderTitle("Contact " + (task.customerName() == null ? "customer" : task.customerName()));
        outcome.setItems(ContactOutcome.values());
        outcome.setItemLabelGenerator(ContactOutcome::label);
        outcome.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        outcome.setRequiredIndicatorVisible(true);
        channel.setLabel("Channel used");
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> switch (c) {
            case PHONE -> "Phone";
            case EMAIL -> "Email";
            case SMS -> "SMS";
        });
        channel.setValue(Channel.PHONE);
        channel.setRequiredIndicatorVisible(true);
        notes.setMaxLength(ContactReport.MAX_NOTES);
        notes.setHelperText("What did you learn? Visible to colleagues on the case.");
        FormLayout form = new FormLayout(outcome, channel, notes);
        form.setColspan(notes, 2);
        add(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (outcome.isEmpty()) {
                outcome.setInvalid(true);
                outcome.setErrorMessage("Choose what happened");
                return;
            }
            if (onSave.test(new ContactReport(channel.getValue(), outcome.getValue(), notes.getValue()))) {
                close();
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }
}
