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
    final TextField subject = new TextField(getTranslation("casework.email.subject"));
    final TextArea text = new TextArea(getTranslation("casework.email.message"));
    final Button send = new Button(getTranslation("casework.email.send"));

    /**
     * @param draft renders a step's template for this customer
     * @param onSend sends subject and text; true when it went out
     */
    ComposeEmailDialog(
            String recipient,
            MessageStep suggested,
            Function<MessageStep, EmailDraft> draft,
            Predicate<EmailDraft> onSend) {
        setHeaderTitle(getTranslation("casework.email.title", recipient));
        setWidth("640px");
        template.setLabel(getTranslation("casework.email.start-from"));
        template.setItems(MessageStep.values());
        template.setItemLabelGenerator(step -> switch (step) {
            case ACKNOWLEDGEMENT -> getTranslation("casework.email.acknowledgement");
            case RETRY -> getTranslation("casework.email.retry");
            case THANK_YOU -> getTranslation("casework.email.thank-you");
            case FIX_RELEASED -> getTranslation("casework.email.fix-released");
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
        getFooter().add(new Button(getTranslation("casework.cancel"), e -> close()), send);
    }
}
