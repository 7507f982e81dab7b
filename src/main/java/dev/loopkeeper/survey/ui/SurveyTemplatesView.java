package dev.loopkeeper.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Reason;
import dev.loopkeeper.sharedkernel.ui.Notices;
import dev.loopkeeper.sharedkernel.ui.Times;
import dev.loopkeeper.sharedkernel.ui.Translations;
import dev.loopkeeper.survey.Placeholder;
import dev.loopkeeper.survey.RenderedSurvey;
import dev.loopkeeper.survey.SurveyMessage;
import dev.loopkeeper.survey.SurveyTemplates;
import dev.loopkeeper.survey.SurveyWording;
import dev.loopkeeper.survey.TemplatePart;
import dev.loopkeeper.survey.TemplateRejected;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of survey messages per language, for process owners: subject, email text and text message, each checked
 * as it is typed (only placeholders from the list, no expressions), with a preview of what a sample customer gets.
 */
@Route("surveys/templates")
@Menu(title = "Survey templates", order = 7.1, icon = "vaadin:file-text-o")
@RolesAllowed({Groups.PROCESS_OWNERS, Groups.ADMINS})
public class SurveyTemplatesView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<String> language = new ComboBox<>(getTranslation("survey.templates.language"));
    final Select<SurveyMessage> message = new Select<>();
    final ComboBox<String> touchpoint = new ComboBox<>(getTranslation("survey.templates.touchpoint"));
    final TextField subject = new TextField(getTranslation("survey.part.email-subject"));
    final TextArea body = new TextArea(getTranslation("survey.part.email-body"));
    final TextArea sms = new TextArea(getTranslation("survey.part.sms-text"));
    final Button save = new Button(getTranslation("survey.templates.save"), VaadinIcon.CHECK.create());
    final Span saved = new Span();
    final Span previewSubject = new Span();
    final Div previewEmail = new Div();
    final Paragraph previewSms = new Paragraph();
    private final Map<TemplatePart, Component> fields = new EnumMap<>(TemplatePart.class);
    private final SurveyTemplates templates;
    private final CurrentUser currentUser;

    public SurveyTemplatesView(SurveyTemplates templates, CurrentUser currentUser) {
        this.templates = templates;
        this.currentUser = currentUser;
        setWidthFull();
        fields.put(TemplatePart.EMAIL_SUBJECT, subject);
        fields.put(TemplatePart.EMAIL_BODY, body);
        fields.put(TemplatePart.SMS_TEXT, sms);

        language.setItems(templates.languages());
        language.setAllowCustomValue(true);
        language.setHelperText(getTranslation("survey.templates.language.helper"));
        language.addCustomValueSetListener(
                e -> addLanguage(e.getDetail().strip().toLowerCase(Locale.ROOT)));
        language.setValue(SurveyTemplates.ENGLISH);
        message.setLabel(getTranslation("survey.templates.message"));
        message.setItems(SurveyMessage.values());
        message.setItemLabelGenerator(this::label);
        message.setValue(SurveyMessage.INVITATION);
        touchpoint.setItems(touchpoints(""));
        touchpoint.setItemLabelGenerator(t -> t.isEmpty() ? getTranslation("survey.templates.every-touchpoint") : t);
        touchpoint.setAllowCustomValue(true);
        touchpoint.setHelperText(getTranslation("survey.templates.touchpoint.helper"));
        touchpoint.addCustomValueSetListener(e -> addTouchpoint(e.getDetail().strip()));
        touchpoint.setValue("");
        language.addValueChangeListener(e -> load());
        message.addValueChangeListener(e -> load());
        touchpoint.addValueChangeListener(e -> load());

        subject.setWidthFull();
        body.setWidthFull();
        body.setMinHeight("18em");
        sms.setWidthFull();
        Stream.of(subject, body, sms).forEach(field -> {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> preview());
        });
        subject.setMaxLength(TemplatePart.EMAIL_SUBJECT.maxLength());
        body.setMaxLength(TemplatePart.EMAIL_BODY.maxLength());
        sms.setMaxLength(TemplatePart.SMS_TEXT.maxLength());
        body.setHelperText(getTranslation("survey.templates.body.helper"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        VerticalLayout editor =
                new VerticalLayout(subject, body, sms, placeholders(), new HorizontalLayout(save, saved));
        editor.setPadding(false);
        side(editor);
        previewEmail.addClassName("survey-preview");
        previewEmail
                .getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-m)")
                .set("background", "#fff");
        previewSms
                .getStyle()
                .set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("overflow-wrap", "anywhere");
        VerticalLayout preview = new VerticalLayout(
                new H3(getTranslation("survey.templates.preview")),
                new Span(new Span(getTranslation("survey.templates.preview.subject") + " "), previewSubject),
                previewEmail,
                new Span(getTranslation("survey.templates.preview.sms")),
                previewSms);
        preview.setPadding(false);
        side(preview);
        // side by side where there is room, the preview under the editor on a phone
        FlexLayout choice = new FlexLayout(language, message, touchpoint);
        choice.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        choice.setAlignItems(FlexComponent.Alignment.BASELINE);
        choice.getStyle().set("gap", "0 var(--lumo-space-m)");
        FlexLayout columns = new FlexLayout(editor, preview);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        add(
                new H2(getTranslation("menu.surveys.templates")),
                new Paragraph(getTranslation("survey.templates.intro")),
                choice,
                columns);
        load();
    }

    /** The words of the chosen language and message into the fields; the preview follows. */
    void load() {
        if (language.getValue() == null || message.getValue() == null || touchpoint.getValue() == null) {
            return;
        }
        SurveyWording wording = templates.wording(language.getValue(), message.getValue(), touchpoint.getValue());
        subject.setValue(wording.emailSubject());
        body.setValue(wording.emailBody());
        sms.setValue(wording.smsText());
        saved.setText(
                wording.updatedBy() == null
                        ? (templates.languages().contains(wording.language())
                                        && wording.touchpoint().isEmpty()
                                ? getTranslation("survey.templates.shipped")
                                : getTranslation("survey.templates.not-saved-yet"))
                        : getTranslation(
                                "survey.templates.saved-by", wording.updatedBy(), Times.format(wording.updatedAt())));
        preview();
    }

    /** Renders what is typed, and marks each part that could not be saved. */
    void preview() {
        SurveyWording wording = typed();
        show(templates.problems(wording));
        RenderedSurvey rendered = templates.preview(wording);
        previewSubject.setText(rendered.subject());
        // every word and value in it was escaped by the template renderer: this is our markup only
        previewEmail.getElement().setProperty("innerHTML", rendered.htmlBody());
        previewSms.setText(rendered.sms());
    }

    void save() {
        try {
            SurveyWording stored = templates.save(typed(), currentUser.require());
            language.setItems(templates.languages());
            language.setValue(stored.language());
            touchpoint.setItems(touchpoints(stored.touchpoint()));
            touchpoint.setValue(stored.touchpoint());
            load();
            Notification.show(
                            stored.touchpoint().isEmpty()
                                    ? getTranslation(
                                            "survey.templates.saved", inline(stored.message()), stored.language())
                                    : getTranslation(
                                            "survey.templates.saved-for",
                                            inline(stored.message()),
                                            stored.language(),
                                            stored.touchpoint()),
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TemplateRejected rejected) {
            show(rejected.reasons());
            String said = rejected.reasons().entrySet().stream()
                    .map(p -> getTranslation("survey.part." + p.getKey().key()) + ": "
                            + Translations.say(p.getValue().words()))
                    .collect(Collectors.joining("; "));
            Notification.show(getTranslation("survey.templates.not-saved", said), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (IllegalArgumentException invalid) {
            Notification.show(Notices.said(invalid), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private SurveyWording typed() {
        return new SurveyWording(
                language.getValue(),
                message.getValue(),
                subject.getValue(),
                body.getValue(),
                sms.getValue(),
                null,
                null,
                touchpoint.getValue());
    }

    private void show(Map<TemplatePart, Reason> problems) {
        fields.forEach((part, field) -> {
            String problem = problems.containsKey(part)
                    ? Translations.say(problems.get(part).words())
                    : null;
            if (field instanceof TextField text) {
                text.setInvalid(problem != null);
                text.setErrorMessage(problem);
            } else if (field instanceof TextArea area) {
                area.setInvalid(problem != null);
                area.setErrorMessage(problem);
            }
        });
        save.setEnabled(problems.isEmpty());
    }

    /** A language typed into the chooser: a two-letter code, selected with the English words to start from. */
    void addLanguage(String code) {
        if (!code.matches("[a-z]{2}")) {
            Notification.show(getTranslation("survey.templates.language.invalid"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        List<String> languages = new ArrayList<>(templates.languages());
        if (!languages.contains(code)) {
            languages.add(code);
        }
        language.setItems(languages);
        language.setValue(code);
    }

    /** A touchpoint typed into the chooser, selected with the words its customers get now to start from. */
    void addTouchpoint(String typed) {
        touchpoint.setItems(touchpoints(typed));
        touchpoint.setValue(typed);
    }

    private List<String> touchpoints(String extra) {
        List<String> touchpoints = new ArrayList<>();
        touchpoints.add("");
        touchpoints.addAll(templates.touchpoints());
        if (!touchpoints.contains(extra)) {
            touchpoints.add(extra);
        }
        return touchpoints;
    }

    private String label(SurveyMessage message) {
        return switch (message) {
            case INVITATION -> getTranslation("survey.message.invitation");
            case RESURVEY -> getTranslation("survey.message.resurvey");
            case REMINDER -> getTranslation("survey.message.reminder");
        };
    }

    /** The message named inside a sentence: "Saved: the one reminder in fr". */
    private String inline(SurveyMessage message) {
        return switch (message) {
            case INVITATION -> getTranslation("survey.message.invitation.inline");
            case RESURVEY -> getTranslation("survey.message.resurvey.inline");
            case REMINDER -> getTranslation("survey.message.reminder.inline");
        };
    }

    private String meaning(Placeholder placeholder) {
        return switch (placeholder) {
            case CUSTOMER_NAME -> getTranslation("survey.placeholder.customer-name");
            case CUSTOMER_FIRST_NAME -> getTranslation("survey.placeholder.customer-first-name");
            case COMPANY -> getTranslation("survey.placeholder.company");
            case QUESTION -> getTranslation("survey.placeholder.question");
            case TOUCHPOINT -> getTranslation("survey.placeholder.touchpoint");
            case SCORE_LINKS -> getTranslation("survey.placeholder.score-links");
            case ANSWER_LINK -> getTranslation("survey.placeholder.answer-link");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.surveys.templates") + " · Loopkeeper";
    }

    private static void side(VerticalLayout column) {
        column.getStyle().set("flex", "1 1 22rem").set("min-width", "0");
    }

    private Component placeholders() {
        Div list = new Div();
        list.add(new Span(getTranslation("survey.templates.placeholders") + " "));
        list.add(new Span(Stream.of(Placeholder.values())
                .map(p -> "{{" + p.key() + "}} " + meaning(p))
                .collect(Collectors.joining(" · "))));
        list.add(new Paragraph(getTranslation("survey.templates.placeholders.notes")));
        list.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return list;
    }
}
