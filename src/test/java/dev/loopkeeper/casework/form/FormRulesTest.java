package dev.loopkeeper.casework.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.casework.FieldProblem;
import dev.loopkeeper.sharedkernel.ui.Translations;
import java.io.File;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's reading of the forms in {@code forms/}: what each refuses. */
class FormRulesTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aContactNeedsAKnownChannelAndAnOutcomeAndShortNotes() throws Exception {
        FormSchema form = form("contact-customer");

        assertThat(FormRules.check(form, Map.of("channelUsed", "fax", "contactNotes", "x".repeat(4001))))
                .containsExactly(
                        new FieldProblem("channelUsed", "must be one of phone, email, sms (was fax)"),
                        new FieldProblem("contactOutcome", "is required"),
                        new FieldProblem("contactNotes", "must have at most 4000 characters (has 4001)"));
        assertThat(FormRules.check(form, Map.of("channelUsed", "phone", "contactOutcome", "reached")))
                .isEmpty();
    }

    @Test
    void aRemedyNeedsAnAmountAboveZeroAndNoneOrNoRemedyNeedsNone() throws Exception {
        FormSchema form = form("contact-customer");
        Map<String, Object> values = new HashMap<>(Map.of("channelUsed", "phone", "contactOutcome", "reached"));

        assertThat(FormRules.check(form, values)).as("no remedy given at all").isEmpty();
        values.put("remedyType", "none");
        assertThat(FormRules.check(form, values)).isEmpty();
        values.put("remedyType", "gift-card");
        assertThat(FormRules.check(form, values)).containsExactly(new FieldProblem("remedyAmount", "is required"));
        values.put("remedyAmount", 0);
        assertThat(FormRules.check(form, values))
                .containsExactly(new FieldProblem("remedyAmount", "must be at least 0.01"));
        // a screen says the same problem in the user's language
        Translations words = new Translations();
        FieldProblem tooSmall = FormRules.check(form, values).get(0);
        assertThat(words.getTranslation(
                        tooSmall.words().key(),
                        Locale.GERMAN,
                        tooSmall.words().params().toArray()))
                .isEqualTo("muss mindestens 0.01 sein");
        assertThat(words.getTranslation(
                        tooSmall.words().key(),
                        Locale.ENGLISH,
                        tooSmall.words().params().toArray()))
                .isEqualTo(tooSmall.message());
        values.put("remedyAmount", 20);
        assertThat(FormRules.check(form, values)).isEmpty();
        values.put("remedyType", "voucher");
        assertThat(FormRules.check(form, values))
                .extracting(FieldProblem::field)
                .containsExactly("remedyType");
    }

    @Test
    void aConditionMayJoinComparisonsWithOrAndAskForNoValue() {
        FormSchema.Condition hidden = FormSchema.condition("=remedyType = null or remedyType = \"none\"")
                .orElseThrow();

        assertThat(hidden.holds(Map.of())).isTrue();
        assertThat(hidden.holds(Map.of("remedyType", " "))).isTrue();
        assertThat(hidden.holds(Map.of("remedyType", "none"))).isTrue();
        assertThat(hidden.holds(Map.of("remedyType", "refund"))).isFalse();
        assertThat(FormSchema.condition("=x != null").orElseThrow().holds(Map.of("x", "1")))
                .isTrue();
    }

    @Test
    void theImprovementActionIsRequiredOnlyWhenTheCauseIsSystemic() throws Exception {
        FormSchema form = form("log-resolution");
        Map<String, Object> values =
                new HashMap<>(Map.of("resolutionSummary", "Done", "rootCause", "billing", "why1", "Because"));

        assertThat(FormRules.check(form, values)).isEmpty();
        values.put("systemic", true);
        assertThat(FormRules.check(form, values))
                .containsExactly(new FieldProblem("improvementActionId", "is required"));
    }

    @Test
    void anExtensionNeedsADateOnlyWhenExtending() throws Exception {
        FormSchema form = form("review-escalation");
        Map<String, Object> values = new HashMap<>(Map.of("escalationDecision", "extend", "escalationReason", "asked"));

        assertThat(FormRules.check(form, values)).containsExactly(new FieldProblem("extendedDueAt", "is required"));
        values.put("extendedDueAt", "next week");
        assertThat(FormRules.check(form, values))
                .extracting(FieldProblem::message)
                .containsExactly("must be a date and time like 2026-11-25T10:00");
        values.put("extendedDueAt", "2026-11-26T12:00");
        assertThat(FormRules.check(form, values)).isEmpty();
        values.put("escalationDecision", "acknowledge");
        values.remove("extendedDueAt");
        assertThat(FormRules.check(form, values)).isEmpty();
    }

    @Test
    void numbersKeepToTheirRange() throws Exception {
        FormSchema form = FormSchema.of(json.readTree("""
                {"id": "t", "components": [{"key": "score", "type": "number", "validate": {"min": 0, "max": 10}}]}
                """));

        assertThat(FormRules.check(form, Map.of("score", 11)))
                .extracting(FieldProblem::message)
                .containsExactly("must be at most 10");
        assertThat(FormRules.check(form, Map.of("score", "ten")))
                .extracting(FieldProblem::message)
                .containsExactly("must be a number");
        assertThat(FormRules.check(form, Map.of("score", 7))).isEmpty();
    }

    @Test
    void everyFormInTheRepositoryIsReadable() throws Exception {
        File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
        assertThat(forms).hasSizeGreaterThanOrEqualTo(6);
        for (File file : forms) {
            FormSchema form = FormSchema.of(json.readTree(file));
            assertThat(form.id()).as(file.getName()).isEqualTo(file.getName().replace(".form", ""));
            assertThat(form.fields()).as(file.getName()).isNotEmpty();
        }
    }

    @Test
    void aConditionOutsideTheSupportedSubsetIsRefusedNotIgnored() {
        assertThatThrownBy(() -> FormSchema.condition("=count(items) > 2"))
                .hasMessageContaining("Unsupported condition");
    }

    private FormSchema form(String name) throws Exception {
        return FormSchema.of(json.readTree(new File("forms/" + name + ".form")));
    }
}
