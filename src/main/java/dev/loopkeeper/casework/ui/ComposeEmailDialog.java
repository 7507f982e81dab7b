package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.loopkeeper.outreach.EmailDraft;
import dev.loopkeeper.outreach.MessageStep;
import java.util.function.Function;
import java.util.function.Predicate;

/** An email to the customer, started from the template of a step and edited before it is sent. */
class ComposeEmailDialog extends Dialog {

    final Select<MessageStep> template = new Select<>();
    final TextField subject = new TextField("Subject");
    final TextArea text = new TextArea("Message");
    final Button send = new Button("Send");

    /**
     * @param draft renders a step's template for this customer
     * @param onSend sends subject and text; true when it went out
     */
    ComposeEmailDialog(
            String recipient,
            MessageStep suggested,
            Function<MessageStep, EmailDraft> draft,
            Predicate<EmailDraft> onSend) {
        setHeaderTitle("Email to " + recipient);
        setWidth("640px");
        template.setLabel("Start from");
        template.setItems(MessageStep.values());
        template.setItemLabelGenerator(step -> switch (step) {
            case ACKNOWLEDGEMENT -> "Apology / acknowledgement";
            case RETRY -> "We tried to reach you";
            case THANK_YOU -> "Thank you";
            case FIX_RELEASED -> "The problem is fixed";
        });
        template.addValueChangeListener(e -> {
            EmailDraft rendered = draft.apply(e.getValue());
            subject.setValue(rendered.subject());
            text.setValue(rendered.text());
        });
        subject.setWidthFull();
        subject.setRequired(true);
        text.setWidthFull();
        text.setMinHeight("240px");
        text.setRequired(true);
        add(template, subject, text);
        template.setValue(suggested);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            if (onSend.test(new EmailDraft(subject.getValue(), text.getValue()))) {
                close();
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), send);
    }
}
