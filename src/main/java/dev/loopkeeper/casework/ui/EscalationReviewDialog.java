package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.TaskRow;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The supervisor's decision on a breached case: reassign, extend, take over, or acknowledge. The server
 * checks the review-escalation form's rules; the dialog closes only when the completion went through.
 */
class EscalationReviewDialog extends Dialog {

    static final Map<String, String> DECISIONS = Map.of(
            "reassign", "Reassign to a colleague or group",
            "extend", "Extend the due date",
            "take-over", "Take it over myself",
            "acknowledge", "Acknowledge: nothing to change");

    final RadioButtonGroup<String> decision = new RadioButtonGroup<>("Decision");
    final TextField reassignTo = new TextField("Reassign to (user or group id)");
    final DateTimePicker extendedDueAt = new DateTimePicker("New due time");
    final TextArea reason = new TextArea("Reason (recorded with the breach)");
    final Button save = new Button("Complete review");

    EscalationReviewDialog(TaskRow task, Predicate<Map<String, Object>> onSave) {
        setHeaderTitle("Review escalation: " + (task.customerName() == null ? "case" : task.customerName()));
        add(new Paragraph("The customer was not contacted within the SLA. Decide what happens now."));
        decision.setItems("reassign", "extend", "take-over", "acknowledge");
        decision.setItemLabelGenerator(DECISIONS::get);
        decision.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        decision.setRequiredIndicatorVisible(true);
        decision.addValueChangeListener(e -> {
            reassignTo.setVisible("reassign".equals(e.getValue()));
            extendedDueAt.setVisible("extend".equals(e.getValue()));
        });
        reassignTo.setVisible(false);
        extendedDueAt.setVisible(false);
        reason.setMaxLength(2000);
        reason.setRequired(true);
        FormLayout form = new FormLayout(decision, reassignTo, extendedDueAt, reason);
        form.setColspan(reason, 2);
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<String, Object> values = new HashMap<>();
            values.put(Vars.ESCALATION_DECISION, decision.getValue());
            values.put(Vars.REASSIGN_TO, reassignTo.getValue());
            values.put(Vars.EXTENDED_DUE_AT, extendedDueAt.getValue() == null ? null : extendedDueAt.getValue().toString());
            values.put(Vars.ESCALATION_REASON, reason.getValue());
            if (onSave.test(values)) {
                close();
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
