package dev.loopkeeper.outreach.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.sharedkernel.Segment;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Customers are written to in their language: every message English has exists in German and Spanish, renders with
 * a subject, and is the one chosen for a customer of that language; any other language, or none, gets English.
 */
class CustomerLanguagesTest {

    private static final List<String> LANGUAGES = List.of("de", "es");

    private final MessageTemplates templates = new MessageTemplates();

    @Test
    void everyEnglishEmailTextMessageAndReplyPageHasItsGermanAndSpanishTwin() throws IOException {
        Set<String> english = customerMessages(names("templates/outreach/*.html"));
        Set<String> englishSms = customerMessages(names("templates/outreach/sms/*.txt"));
        assertThat(english).contains("acknowledgement-detractor", "fix-released");
        for (String language : LANGUAGES) {
            assertThat(names("templates/outreach/" + language + "/*.html"))
                    .as(language)
                    .isEqualTo(english);
            assertThat(names("templates/outreach/sms/" + language + "/*.txt"))
                    .as(language)
                    .isEqualTo(englishSms);
        }
    }

    @Test
    void eachLanguagesEmailsRenderWithASubjectAndTheCustomersNameAndNoEnglishLeft() {
        Map<String, Object> variables = Map.of(
                "name", "Dana Doe",
                "replyUrl", "https://care.example.com/reply/t",
                "reviewUrl", "https://reviews.example.com",
                "referralUrl", "https://example.com/refer",
                "fixSummary", "We changed the router firmware.");
        for (String language : LANGUAGES) {
            for (MessageStep step : MessageStep.values()) {
                for (Segment segment : Segment.values()) {
                    if (!hasEnglish(step, segment)) {
                        continue;
                    }
                    String template = templates.emailTemplate(step, segment, language);
                    assertThat(template).startsWith(language + "/");
                    MessageTemplates.Email email = templates.email(template, variables);
                    assertThat(email.subject()).isNotBlank();
                    assertThat(email.text()).contains("Dana Doe").doesNotContain("Dear ", "Kind regards", "Thank you");
                    String sms = templates.text(templates.smsTemplate(step, segment, language), variables);
                    assertThat(sms).contains("Dana Doe").doesNotContain("Hi ");
                }
            }
        }
    }

    @Test
    void everyReplyPageInEveryLanguageHasItsOwnTitleAndTheSharedHead() {
        Map<String, String> titles = new java.util.HashMap<>();
        for (String language : Arrays.asList(null, "de", "es")) {
            for (String page : List.of("reply-ask", "reply-thanks", "reply-invalid", "reply-expired")) {
                String html = templates.page(page, Map.of(), language);
                assertThat(html)
                        .as("%s in %s", page, language)
                        .contains("<meta name=\"robots\" content=\"noindex\">", "max-width: 32rem", "<main>")
                        .doesNotContain("th:replace", "Loopkeeper</title>");
                var title =
                        java.util.regex.Pattern.compile("<title>(.+?)</title>").matcher(html);
                assertThat(title.find())
                        .as("%s in %s has a title", page, language)
                        .isTrue();
                assertThat(html.indexOf("<title>", title.end())).isEqualTo(-1);
                assertThat(titles.put(language + "/" + page, title.group(1))).isNull();
            }
        }
        assertThat(titles.values()).doesNotHaveDuplicates();
    }

    @Test
    void aLanguageWithoutTemplatesOrNoneOrAPathGetsEnglish() {
        for (String language : Arrays.asList(null, "", "en", "fr", "../de", "de/../..", "DE")) {
            assertThat(templates.emailTemplate(MessageStep.ACKNOWLEDGEMENT, Segment.DETRACTOR, language))
                    .as(String.valueOf(language))
                    .isEqualTo("acknowledgement-detractor");
        }
        assertThat(templates.emailTemplate(MessageStep.RETRY, Segment.PROMOTER, "es"))
                .isEqualTo("es/retry");
        assertThat(templates.smsTemplate(MessageStep.THANK_YOU, Segment.PROMOTER, "de"))
                .isEqualTo("sms/de/thank-you-promoter");
    }

    private boolean hasEnglish(MessageStep step, Segment segment) {
        try {
            templates.emailTemplate(step, segment);
            templates.smsTemplate(step, segment);
            return true;
        } catch (IllegalStateException noTemplateForThisStep) {
            return false;
        }
    }

    /** The messages to customers: a step's, not staff alerts' and digests' (staff read the UI's language). */
    private static Set<String> customerMessages(Set<String> names) {
        return names.stream()
                .filter(name -> Arrays.stream(MessageStep.values())
                        .anyMatch(step -> name.equals(step.key()) || name.startsWith(step.key() + "-")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(String pattern) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
        return Arrays.stream(found)
                .map(Resource::getFilename)
                .map(name -> name.substring(0, name.lastIndexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
