package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.loopkeeper.casework.TaskRow;
import java.util.function.Consumer;

/** Asks the supervisor what was decided about a breached case. */
class EscalationReviewDialog extends Dialog {

    final TextArea note = new TextArea("What you decided");
    final Button save = new Button("Complete review");

    EscalationReviewDialog(TaskRow task, Consumer<String> onSave) {
        setHeaderTitle("Review escalation: " + (task.customerName() == null ? "case" : task.customerName()));
        add(new Paragraph("The customer was not contacted within the SLA."));
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setRequired(true);
        add(note);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage("Say what you decided");
                return;
            }
            onSave.accept(note.getValue());
            close();
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
