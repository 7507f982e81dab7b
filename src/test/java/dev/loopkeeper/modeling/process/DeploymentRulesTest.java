package dev.loopkeeper.modeling.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.modeling.BrokenModels;
import dev.loopkeeper.modeling.ModelProblem;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.sharedkernel.ui.Translations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each deployment rule on a model that breaks it, without an engine: fast, and exact about the problem. */
class DeploymentRulesTest {

    /** Our beans as the application has them: delegates, the sla bean, and some beans that are not allowed. */
    static final Set<String> BEANS =
            Set.of("alertOwnersDelegate", "recordContactAttemptListener", "sla", "runtimeService", "dataSource");

    final ExpressionAllowList allowList = new ExpressionAllowList(
            Set.of("alertOwnersDelegate", "recordContactAttemptListener"),
            Map.of("sla", Set.of("retryDueAt", "reviewDueAt")),
            BEANS::contains);
    final DeploymentRules rules = new DeploymentRules(() -> allowList);
    /** What is deployed already: our forms and the policy table. */
    final DeploymentRules.DeployedModels deployed = new DeploymentRules.DeployedModels() {
        @Override
        public boolean hasForm(String key, Integer version) {
            return key.equals("contact-customer") && (version == null || version == 1);
        }

        @Override
        public boolean hasDecision(String key, Integer version) {
            return key.equals("follow-up-policy");
        }
    };

    static Stream<BrokenModels.Case> brokenModels() {
        return BrokenModels.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void refusesAModelThatBreaksARule(BrokenModels.Case broken) {
        List<ModelProblem> problems = check(broken.resourceName(), broken.content());

        assertThat(problems).as("problems of %s", broken.rule()).isNotEmpty();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains(broken.expected());
            assertThat(p.resource()).isEqualTo(broken.resourceName());
            assertThat(p.elementId()).isEqualTo(broken.elementId());
            assertThat(p.line()).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void everyProblemOurRulesFindIsSaidInEachLanguageAndInEnglishAsItsMessage(BrokenModels.Case broken) {
        List<ModelProblem> problems = check(broken.resourceName(), broken.content());

        assertThat(problems).allSatisfy(p -> {
            assertThat(p.words()).as("words of %s", p.message()).isNotNull();
            assertThat(say(p.words(), Translations.ENGLISH)).isEqualTo(p.message());
            for (Locale language : List.of(Translations.GERMAN, Translations.SPANISH)) {
                assertThat(say(p.words(), language))
                        .doesNotContain("!modeling.")
                        .isNotEqualTo(p.message());
            }
        });
    }

    private static final Translations TRANSLATIONS = new Translations();

    private static String say(Words words, Locale language) {
        Object[] params = words.params().stream()
                .map(p -> p instanceof Words nested ? say(nested, language) : p)
                .toArray();
        return TRANSLATIONS.getTranslation(words.key(), language, params);
    }

    @Test
    void passesAModelThatKeepsEveryRule() {
        assertThat(check("valid.bpmn", BrokenModels.valid("valid-process"))).isEmpty();
    }

    @Test
    void theShippedKindsOfExpressionPass() {
        assertThat(allowList.check("${sla.retryDueAt(execution)}")).isEmpty();
        assertThat(allowList.check("${decisionResult.getSingleResult().get(\"ownerGroup\")}"))
                .isEmpty();
        assertThat(allowList.check("${contactOutcome == 'reached'}")).isEmpty();
        assertThat(allowList.check("${attempts < maxAttempts}")).isEmpty();
        assertThat(allowList.check("${alertOwnersDelegate}")).isEmpty();
        assertThat(allowList.check("${dateTime().plusDays(2).toDate()}")).isEmpty();
        assertThat(allowList.check("Dear ${customerName}, thank you")).isEmpty();
        assertThat(allowList.check("#{channel != null ? channel : 'phone'}")).isEmpty();
    }

    @Test
    void expressionsThatReachBeyondTheAllowListAreRefused() {
        assertThat(allowList.check("${dataSource}")).singleElement().asString().contains("dataSource");
        assertThat(allowList.check("${sla.clock}")).singleElement().asString().contains("only these methods");
        assertThat(allowList.check("${sla.retryDueAt(execution).getClass()}")).isNotEmpty();
        assertThat(allowList.check("${execution.getProcessEngineServices()}"))
                .singleElement()
                .asString()
                .contains("not on execution");
        assertThat(allowList.check("${''.getClass()}")).isNotEmpty();
        assertThat(allowList.check("${dateTime().getClass()}")).isNotEmpty();
        assertThat(allowList.check("${x['getClass']}")).isNotEmpty();
        assertThat(allowList.check("${sla.retryDueAt(dataSource)}"))
                .singleElement()
                .asString()
                .contains("dataSource");
        assertThat(allowList.check("${fn:exec('ls')}"))
                .singleElement()
                .asString()
                .contains("function");
        assertThat(allowList.check("${unclosed")).singleElement().asString().contains("not a valid expression");
    }

    @Test
    void timersParseAsTheEngineReadsThem() {
        for (String good : List.of(
                "<bpmn:timeDuration>P2D</bpmn:timeDuration>",
                "<bpmn:timeDate>2026-12-01T09:00:00Z</bpmn:timeDate>",
                "<bpmn:timeCycle>R3/PT10M</bpmn:timeCycle>",
                "<bpmn:timeCycle>0 0 9 * * MON</bpmn:timeCycle>",
                "<bpmn:timeDate>${slaDueAt}</bpmn:timeDate>")) {
            assertThat(check("timer.bpmn", timer(good))).as(good).isEmpty();
        }
        for (String bad : List.of(
                "<bpmn:timeDuration>PT4X</bpmn:timeDuration>",
                "<bpmn:timeDate>next monday</bpmn:timeDate>",
                "<bpmn:timeCycle>R3/soon</bpmn:timeCycle>",
                "<bpmn:timeDuration></bpmn:timeDuration>")) {
            assertThat(check("timer.bpmn", timer(bad))).as(bad).isNotEmpty();
        }
    }

    @Test
    void referencesResolveInTheSameDeploymentFirst() {
        String bound = BrokenModels.all().stream()
                .filter(c -> c.rule().startsWith("form bound"))
                .findFirst()
                .orElseThrow()
                .content();
        String form = "{\"id\": \"contact-customer\", \"components\": []}";

        List<ModelProblem> problems =
                rules.check(List.of(resource("p.bpmn", bound), resource("contact.form", form)), deployed);

        assertThat(problems).isEmpty();
    }

    @Test
    void formsNeedAnIdAndComponents() {
        assertThat(check("a.form", "{\"components\": []}"))
                .singleElement()
                .asString()
                .contains("needs an \"id\"");
        assertThat(check("b.form", "{\"id\": \"b\"}"))
                .singleElement()
                .asString()
                .contains("components");
        assertThat(check("c.form", "not json")).singleElement().asString().contains("Not a Camunda Form");
        assertThat(check("d.cmmn", "<cmmn/>")).singleElement().asString().contains("CMMN");
    }

    private List<ModelProblem> check(String name, String content) {
        return rules.check(List.of(resource(name, content)), deployed);
    }

    private static DeploymentRules.Resource resource(String name, String content) {
        return new DeploymentRules.Resource(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String timer(String definition) {
        return BrokenModels.valid("timer")
                .replace("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT4H</bpmn:timeDuration>", definition);
    }
}
