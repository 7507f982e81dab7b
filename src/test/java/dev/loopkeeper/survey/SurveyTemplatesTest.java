package dev.loopkeeper.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.sharedkernel.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Survey templates as process owners write them: stored per language, checked before they are saved, rendered with
 * every value escaped, English where a language has no words, and never evaluated, whatever they contain.
 */
@LoopkeeperTest
class SurveyTemplatesTest {

    @Autowired
    SurveyTemplates templates;

    @Autowired
    JdbcTemplate db;

    final Actor paula = new Actor("paula", Set.of("process-owners"));
    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));

    @Test
    void theShippedWordsAreEnglishGermanAndSpanishAndRenderWithASampleCustomer() {
        assertThat(templates.languages()).startsWith("en").contains("de", "es");

        RenderedSurvey preview = templates.preview(templates.wording("es", SurveyMessage.INVITATION));

        assertThat(preview.subject()).isEqualTo("¿Qué probabilidad hay de que nos recomiende?");
        assertThat(preview.html())
                .contains("<html lang=\"es\">")
                .contains("Estimado/a Dana Doe:")
                .contains("<strong>¿Qué probabilidad hay de que nos recomiende a un amigo o colega?</strong>")
                .contains("Darse de baja");
        assertThat(preview.html().split("/survey/[A-Za-z0-9_-]{76}\"", -1)).hasSize(12);
        assertThat(preview.text()).contains("10: http").contains("Darse de baja: http");
        assertThat(preview.sms())
                .startsWith("Dana, ¿qué probabilidad hay de que nos recomiende, de 0 a 10? http")
                .contains("Sin más encuestas: http");
        assertThat(preview.unsubscribe().getPath()).startsWith("/survey/unsubscribe/");
    }

    @Test
    void aCustomersNameIsEscapedNeverMarkup() {
        RenderedSurvey email = templates.compose(
                SurveyMessage.INVITATION,
                new SurveyTemplates.Addressee(
                        "<script>alert('x')</script> Doe", "check-in", UUID.randomUUID(), Instant.now()),
                "en");

        assertThat(email.html())
                .doesNotContain("<script>")
                .contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Doe,");
        assertThat(email.text()).contains("Dear <script>alert('x')</script> Doe,");
    }

    @Test
    void aLanguageWithoutWordsGetsTheEnglishOnes() {
        RenderedSurvey email = templates.compose(
                SurveyMessage.REMINDER,
                new SurveyTemplates.Addressee("Anna", "check-in", UUID.randomUUID(), Instant.now()),
                "fi");

        assertThat(email.language()).isEqualTo("en");
        assertThat(email.subject()).isEqualTo("A gentle reminder: how likely are you to recommend us?");
        assertThat(templates.wording("fi", SurveyMessage.REMINDER).emailSubject())
                .as("a new language starts from the English words")
                .isEqualTo(email.subject());
    }

    @Test
    void aProcessOwnerSavesANewLanguageAndItsCustomersGetIt() {
        SurveyWording italian = new SurveyWording(
                "it",
                SurveyMessage.INVITATION,
                "Ci consiglieresti, {{customer.firstName}}?",
                "Ciao {{customer.firstName|}},\n\n{{question}}\n\n{{scoreLinks}}\n\n{{company}}",
                "{{customer.firstName}}, ci consiglieresti? {{answerLink}}",
                null,
                null);

        SurveyWording saved = templates.save(italian, paula);

        assertThat(saved.updatedBy()).isEqualTo("paula");
        assertThat(templates.languages()).contains("it");
        RenderedSurvey email = templates.compose(
                SurveyMessage.INVITATION,
                new SurveyTemplates.Addressee("Giulia Rossi", "check-in", UUID.randomUUID(), Instant.now()),
                "it");
        assertThat(email.subject()).isEqualTo("Ci consiglieresti, Giulia?");
        assertThat(email.html()).contains("<p>Ciao Giulia,</p>").contains("<p>Loopkeeper</p>");
    }

    @Test
    void aTouchpointWithWordsOfItsOwnGetsThemButTheCustomersLanguageComesFirst() {
        SurveyWording german = templates.wording("de", SurveyMessage.INVITATION, "kitchen-fitting");
        assertThat(german.emailSubject())
                .as("a touchpoint without words starts from the language's")
                .isEqualTo("Wie wahrscheinlich empfehlen Sie uns weiter?");

        templates.save(
                new SurveyWording(
                        "de",
                        SurveyMessage.INVITATION,
                        "Wie war der Einbau Ihrer Küche, {{customer.firstName}}?",
                        german.emailBody(),
                        german.smsText(),
                        null,
                        null,
                        "kitchen-fitting"),
                paula);

        assertThat(templates.touchpoints()).contains("kitchen-fitting");
        assertThat(subjectFor("de", "kitchen-fitting")).isEqualTo("Wie war der Einbau Ihrer Küche, Jonas?");
        assertThat(subjectFor("de", "check-in")).isEqualTo("Wie wahrscheinlich empfehlen Sie uns weiter?");
        assertThat(subjectFor("en", "kitchen-fitting"))
                .as("English words for every touchpoint rather than German ones for this one")
                .isEqualTo("How likely are you to recommend us?");
        assertThat(templates.wording("de", SurveyMessage.INVITATION).emailSubject())
                .isEqualTo("Wie wahrscheinlich empfehlen Sie uns weiter?");
    }

    private String subjectFor(String language, String touchpoint) {
        return templates
                .compose(
                        SurveyMessage.INVITATION,
                        new SurveyTemplates.Addressee("Jonas Weber", touchpoint, UUID.randomUUID(), Instant.now()),
                        language)
                .subject();
    }

    @Test
    void wordsWithAnUnknownPlaceholderOrAnExpressionAreRefusedPartByPartAndNothingIsStored() {
        SurveyWording bad = templates
                .wording("en", SurveyMessage.INVITATION)
                .with(TemplatePart.EMAIL_SUBJECT, "Hi {{customer.email}}")
                .with(TemplatePart.SMS_TEXT, "[[${7*7}]] {{answerLink}}");

        assertThatThrownBy(() -> templates.save(bad, paula))
                .isInstanceOfSatisfying(
                        TemplateRejected.class,
                        rejected -> assertThat(rejected.problems())
                                .containsOnlyKeys(TemplatePart.EMAIL_SUBJECT, TemplatePart.SMS_TEXT)
                                .hasEntrySatisfying(
                                        TemplatePart.EMAIL_SUBJECT,
                                        problem -> assertThat(problem)
                                                .startsWith("Unknown placeholder {{customer.email}}"))
                                .hasEntrySatisfying(
                                        TemplatePart.SMS_TEXT,
                                        problem -> assertThat(problem).contains("looks like an expression")));
        assertThat(templates.wording("en", SurveyMessage.INVITATION).emailSubject())
                .isEqualTo("How likely are you to recommend us?");
    }

    @Test
    void onlyProcessOwnersAndAdminsChangeTemplates() {
        assertThatThrownBy(() -> templates.save(templates.wording("pt", SurveyMessage.INVITATION), fiona))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(templates.languages()).doesNotContain("pt");
    }

    @Test
    void anExpressionWrittenStraightIntoTheTableIsSentAsTextAndNeverRun() throws Exception {
        Path proof = Files.createTempDirectory("template-attack").resolve("ran");
        String attack = "${T(java.lang.Runtime).getRuntime().exec('touch " + proof + "')} [[${7*7}]] [(${7*7})]"
                + " __${7*7}__ #{7*7} *{7*7}";
        db.update(
                "insert into survey_template (id, language, message, email_subject, email_body, sms_text, version)"
                        + " values ('sv/invitation', 'sv', 'invitation', ?, ?, ?, 0)",
                attack,
                attack + "\n\nDear {{customer.name}},\n\n{{scoreLinks}}",
                attack + " {{answerLink}}");

        RenderedSurvey email = templates.compose(
                SurveyMessage.INVITATION,
                new SurveyTemplates.Addressee("${7*7} [[${7*7}]]", "check-in", UUID.randomUUID(), Instant.now()),
                "sv");

        assertThat(email.subject()).isEqualTo(attack);
        assertThat(email.sms()).startsWith(attack + " http");
        assertThat(email.html())
                .contains("${T(java.lang.Runtime).getRuntime().exec(&#39;touch " + proof + "&#39;)} [[${7*7}]]")
                .contains("Dear ${7*7} [[${7*7}]],");
        assertThat(withoutLinks(email.html() + email.text() + email.sms() + email.subject())
                        .replace(proof.toString(), ""))
                .as("7*7 was never worked out")
                .doesNotContain("49");
        assertThat(email.text()).contains(attack);
        assertThat(proof).doesNotExist();
    }

    /** The signed tokens of the links are random letters and digits, a 49 among them by chance. */
    private static String withoutLinks(String text) {
        return text.replaceAll("https?://[^\\s\"<>]+", "");
    }
}
