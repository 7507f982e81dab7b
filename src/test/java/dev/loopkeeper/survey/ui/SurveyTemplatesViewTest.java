package dev.loopkeeper.survey.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.survey.SurveyMessage;
import dev.loopkeeper.survey.SurveyTemplates;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A process owner edits the words of a survey email and sees, as they type, what a customer would get. */
@LoopkeeperTest
class SurveyTemplatesViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SurveyTemplates templates;

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void thePreviewFollowsTheTypingAndAnUnknownPlaceholderIsMarkedAtItsField() {
        SurveyTemplatesView view = open();
        view.language.setValue("de");

        view.subject.setValue("Hallo {{customer.firstName}}, {{customer.iban}}?");

        assertThat(view.subject.isInvalid()).isTrue();
        assertThat(view.subject.getErrorMessage()).startsWith("Unknown placeholder {{customer.iban}}");
        assertThat(view.save.isEnabled()).isFalse();
        assertThat(view.previewSubject.getText()).isEqualTo("Hallo Dana, {{customer.iban}}?");

        view.subject.setValue("Hallo {{customer.firstName}}: Ihre Meinung?");
        view.body.setValue(view.body.getValue().replace("Guten Tag", "Liebe Grüße an"));

        assertThat(view.subject.isInvalid()).isFalse();
        assertThat(view.previewSubject.getText()).isEqualTo("Hallo Dana: Ihre Meinung?");
        assertThat(view.previewEmail.getElement().getProperty("innerHTML"))
                .contains("Liebe Grüße an Dana Doe,")
                .contains("Abmelden");
        assertThat(view.previewSms.getText()).contains("Keine Umfragen mehr: http");
    }

    @Test
    void aProcessOwnerWritesTheWordsForANewLanguageAndSavesThem() {
        SurveyTemplatesView view = open();
        view.addLanguage("fr");
        view.message.setValue(SurveyMessage.REMINDER);

        assertThat(view.subject.getValue())
                .as("a new language starts from the English words")
                .isEqualTo("A gentle reminder: how likely are you to recommend us?");
        view.subject.setValue("Un petit rappel, {{customer.firstName}}");
        view.save.click();

        NotificationsKt.expectNotifications("Saved: the one reminder in fr");
        assertThat(templates.wording("fr", SurveyMessage.REMINDER).emailSubject())
                .isEqualTo("Un petit rappel, {{customer.firstName}}");
        assertThat(templates.wording("fr", SurveyMessage.REMINDER).updatedBy()).isEqualTo("paula");
        assertThat(view.saved.getText()).startsWith("Saved by paula");
    }

    @Test
    void aTouchpointGetsWordsOfItsOwn() {
        SurveyTemplatesView view = open();
        view.addTouchpoint("boiler-service");

        assertThat(view.saved.getText()).startsWith("Not saved yet");
        view.subject.setValue("How was your boiler service, {{customer.firstName}}?");
        assertThat(view.previewEmail.getElement().getProperty("innerHTML")).contains("Dear Dana Doe,");
        view.save();

        NotificationsKt.expectNotifications("Saved: the invitation in en for boiler-service");
        assertThat(templates
                        .wording("en", SurveyMessage.INVITATION, "boiler-service")
                        .emailSubject())
                .isEqualTo("How was your boiler service, {{customer.firstName}}?");
        assertThat(templates.wording("en", SurveyMessage.INVITATION).emailSubject())
                .isEqualTo("How likely are you to recommend us?");
    }

    @Test
    void anExpressionIsRefusedAtItsFieldAndNotSaved() {
        SurveyTemplatesView view = open();
        view.language.setValue("es");

        view.sms.setValue("[[${T(java.lang.Runtime).getRuntime().exec('id')}]] {{answerLink}}");
        view.save();

        assertThat(view.sms.isInvalid()).isTrue();
        assertThat(view.sms.getErrorMessage()).contains("looks like an expression");
        assertThat(view.previewSms.getText()).startsWith("[[${T(java.lang.Runtime).getRuntime().exec('id')}]] http");
        assertThat(templates.wording("es", SurveyMessage.INVITATION).smsText()).doesNotContain("Runtime");
    }

    @Test
    void inGermanEachPartSaysWhatIsWrongInGermanAndNothingIsSaved() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate(SurveyTemplatesView.class);
        SurveyTemplatesView view = _get(SurveyTemplatesView.class);
        view.language.setValue("de");

        view.subject.setValue("Ihr Link: {{answerLink}}");
        view.sms.setValue("Kurz gefragt, {{customer.firstName}}?");
        view.save();

        String allowedInSubject =
                "{{customer.name}}, {{customer.firstName}}, {{company}}, {{question}}, {{touchpoint}}";
        assertThat(view.subject.getErrorMessage())
                .isEqualTo("{{answerLink}} ist im E-Mail-Betreff nicht möglich: möglich sind " + allowedInSubject);
        assertThat(view.sms.getErrorMessage()).isEqualTo("Braucht {{answerLink}}: der Link zur Antwortseite");
        NotificationsKt.expectNotifications("Nicht gespeichert: "
                + "E-Mail-Betreff: {{answerLink}} ist im E-Mail-Betreff nicht möglich: möglich sind "
                + allowedInSubject
                + "; SMS: Braucht {{answerLink}}: der Link zur Antwortseite");
        assertThat(templates.wording("de", SurveyMessage.INVITATION).smsText()).doesNotContain("Kurz gefragt");
    }

    private SurveyTemplatesView open() {
        KaribuUi.signIn(context, "paula", "process-owners");
        UI.getCurrent().navigate(SurveyTemplatesView.class);
        return _get(SurveyTemplatesView.class);
    }
}
