package dev.loopkeeper.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The placeholder language of survey templates: what it accepts, what it refuses and why, and that it runs nothing. */
class TemplateTextTest {

    @Test
    void wordsWithPlaceholdersFromTheListAreAccepted() {
        assertThat(TemplateText.check(
                        "Dear {{customer.name|customer}},\n\n{{question}}\n\n{{ scoreLinks }}\n\n{{company}}",
                        TemplatePart.EMAIL_BODY))
                .isEmpty();
        assertThat(TemplateText.check("{{customer.firstName}}, 0-10? {{answerLink}}", TemplatePart.SMS_TEXT))
                .isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheOnesThereAre() {
        assertThat(TemplateText.check("Hello {{customer.password}} {{scoreLinks}}", TemplatePart.EMAIL_BODY))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("Unknown placeholder {{customer.password}}")
                        .contains("{{customer.firstName}}", "{{scoreLinks}}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${T(java.lang.Runtime).getRuntime().exec('id')}",
                "[[${7*7}]]",
                "[(${name})]",
                "#{messages.key}",
                "*{field}",
                "@{/path}",
                "~{layout :: head}",
                "__${x}__",
                "<%= 7*7 %>",
                "{% if x %}",
                "%{x}"
            })
    void anythingThatLooksLikeAnExpressionIsRefused(String expression) {
        assertThat(TemplateText.check("Hello " + expression + " {{scoreLinks}}", TemplatePart.EMAIL_BODY))
                .hasValueSatisfying(problem -> assertThat(problem).contains("looks like an expression"));
    }

    @Test
    void aPlaceholderOutsideItsPartIsRefused() {
        assertThat(TemplateText.check("Scores: {{scoreLinks}} {{answerLink}}", TemplatePart.SMS_TEXT))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .isEqualTo("{{scoreLinks}} cannot be used in the text message: use one of "
                                + TemplateText.allowedIn(TemplatePart.SMS_TEXT)));
        assertThat(TemplateText.check("Your link: {{answerLink}}", TemplatePart.EMAIL_SUBJECT))
                .isPresent();
    }

    @Test
    void anEmailWithoutTheScoresAndATextWithoutTheLinkAreRefused() {
        assertThat(TemplateText.check("How likely?", TemplatePart.EMAIL_BODY))
                .contains("Needs {{scoreLinks}}: the eleven one-click scores 0 to 10");
        assertThat(TemplateText.check("How likely?", TemplatePart.SMS_TEXT))
                .contains("Needs {{answerLink}}: the link to the answer page");
    }

    @Test
    void anUnclosedPlaceholderAnEmptyPartAndAnOverlongOneAreRefused() {
        assertThat(TemplateText.check("Hello {{customer.name {{scoreLinks}}", TemplatePart.EMAIL_BODY))
                .isPresent();
        assertThat(TemplateText.check("Hello }} {{scoreLinks}}", TemplatePart.EMAIL_BODY))
                .contains("A placeholder is not closed: write {{name}}, two braces on each side");
        assertThat(TemplateText.check("  ", TemplatePart.EMAIL_SUBJECT)).contains("Required");
        assertThat(TemplateText.check("x".repeat(201), TemplatePart.EMAIL_SUBJECT))
                .contains("At most 200 characters, not 201");
    }

    @Test
    void storedTextIsReadAsWordsExceptForKnownPlaceholders() {
        TemplateText text = TemplateText.of(
                "Hi {{customer.firstName|there}} ${7*7} [[${7*7}]] {{customer.password}} {{scoreLinks}}",
                TemplatePart.SMS_TEXT);

        String rendered = text.render(words -> words, slot -> "<" + slot.placeholder() + "|" + slot.fallback() + ">");

        assertThat(rendered)
                .as("only the known placeholder allowed here is filled; the rest stays as written")
                .isEqualTo("Hi <CUSTOMER_FIRST_NAME|there> ${7*7} [[${7*7}]] {{customer.password}} {{scoreLinks}}");
    }

    @Test
    void everyPlaceholderHasAKeyOfItsOwn() {
        assertThat(Map.of(
                        "customer.name", Placeholder.CUSTOMER_NAME,
                        "customer.firstName", Placeholder.CUSTOMER_FIRST_NAME,
                        "scoreLinks", Placeholder.SCORE_LINKS))
                .allSatisfy(
                        (key, placeholder) -> assertThat(Placeholder.of(key)).contains(placeholder));
    }
}
