package dev.loopkeeper.modeling.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FEEL engine that parses each expression once must decide exactly as Camunda's own: every shipped decision
 * table, over a grid of inputs that reaches each rule and misses them all, gives the same results from both.
 */
class ParsedOnceFeelTest {

    private static final List<String> SEGMENTS = List.of("detractor", "passive", "promoter");
    private static final List<String> TIERS = List.of("platinum", "gold", "silver", "");
    private static final List<Double> VALUES = List.of(0.0, 9_999.99, 10_000.0, 250_000.0);
    private static final List<String> TEXTS = List.of("EMEA", "APAC", "installation", "purchase", "test", "resurvey");

    @ParameterizedTest
    @ValueSource(strings = {"follow-up-policy.dmn", "alert-policy.dmn", "survey-rules.dmn"})
    void decidesAsTheEnginesOwnFeel(String table) throws Exception {
        DmnEngine stock = engine(new DefaultDmnEngineConfiguration());
        DmnEngine parsedOnce = engine(installed());
        List<DmnDecision> stockDecisions = decisions(stock, table);
        List<DmnDecision> ourDecisions = decisions(parsedOnce, table);
        int compared = 0;
        for (Map<String, Object> inputs : grid()) {
            for (int i = 0; i < stockDecisions.size(); i++) {
                // twice each: the second evaluation reads the parsed expressions kept by the first
                for (int round = 0; round < 2; round++) {
                    assertThat(parsedOnce
                                    .evaluateDecision(ourDecisions.get(i), inputs)
                                    .getResultList())
                            .as("%s with %s", table, inputs)
                            .isEqualTo(stock.evaluateDecision(stockDecisions.get(i), inputs)
                                    .getResultList());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(2 * 288);
    }

    @Test
    void anExpressionThatDoesNotParseFailsAsBeforeEachTime() {
        ScalaFeelEngine feel = new ParsedOnceFeel(null);
        VariableContext none = Variables.emptyVariableContext();
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests(">= >= 3", "score", none))
                    .isInstanceOf(FeelException.class)
                    .hasMessageContaining("failed to parse");
            assertThatThrownBy(() -> feel.evaluateSimpleExpression("1 +", none))
                    .isInstanceOf(FeelException.class)
                    .hasMessageContaining("failed to parse");
        }
    }

    @Test
    void aParsedExpressionIsEvaluatedWithEachCallsVariables() {
        ScalaFeelEngine feel = new ParsedOnceFeel(null);
        assertThat(feel.evaluateSimpleUnaryTests(
                        "<= 6",
                        "score",
                        Variables.createVariables().putValue("score", 3).asVariableContext()))
                .isTrue();
        assertThat(feel.evaluateSimpleUnaryTests(
                        "<= 6",
                        "score",
                        Variables.createVariables().putValue("score", 9).asVariableContext()))
                .isFalse();
        assertThat((Object) feel.evaluateSimpleExpression(
                        "lower case(comment)",
                        Variables.createVariables()
                                .putValue("comment", "CANCEL")
                                .asVariableContext()))
                .isEqualTo("cancel");
    }

    @Test
    void moreTextsThanItKeepsAreStillEvaluatedRight() {
        ScalaFeelEngine feel = new ParsedOnceFeel(null);
        VariableContext score = Variables.createVariables().putValue("score", 5).asVariableContext();
        for (int bound = 0; bound < ParsedOnceFeel.KEPT * 2 + 10; bound++) {
            assertThat(feel.evaluateSimpleUnaryTests("<= " + bound, "score", score))
                    .as("score 5 <= %d", bound)
                    .isEqualTo(5 <= bound);
        }
    }

    @Test
    void externalJavaFunctionsStayOff() {
        ScalaFeelEngine feel = new ParsedOnceFeel(null);
        String call =
                "(function(x) external { java: { class: \"java.lang.Math\", method signature: \"abs(int)\" } })(-3)";
        assertThatThrownBy(() -> feel.evaluateSimpleExpression(call, Variables.emptyVariableContext()))
                .isInstanceOf(FeelException.class);
    }

    @Test
    void theEngineUsesIt() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        ParsedOnceFeel.install(configuration);
        DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration();
        assertThat(engine(decisions).getConfiguration()).isSameAs(decisions);
        assertThat(decisions.getFeelEngine()).isInstanceOf(ParsedOnceFeel.class);
    }

    private static DefaultDmnEngineConfiguration installed() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        ParsedOnceFeel.install(configuration);
        return configuration.getDmnEngineConfiguration();
    }

    private static DmnEngine engine(DefaultDmnEngineConfiguration configuration) {
        return configuration.buildEngine();
    }

    private static List<DmnDecision> decisions(DmnEngine engine, String table) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("bpmn", table))) {
            return engine.parseDecisions(in);
        }
    }

    private static List<Map<String, Object>> grid() {
        List<Map<String, Object>> grid = new ArrayList<>();
        List<String> events = List.of("case-opened", "breach", "escalation", "sla-warning", "unreachable");
        int n = 0;
        for (String segment : SEGMENTS) {
            for (String tier : TIERS) {
                for (double value : VALUES) {
                    for (String text : TEXTS) {
                        Map<String, Object> inputs = new HashMap<>();
                        inputs.put("segment", segment);
                        inputs.put("customerTier", tier);
                        inputs.put("lifetimeValue", value);
                        inputs.put("region", text);
                        inputs.put("product", text);
                        inputs.put("touchpoint", text);
                        inputs.put("purpose", text);
                        inputs.put(
                                "outcome",
                                Stream.of("resolved", "unreachable").toList().get(n % 2));
                        inputs.put("event", events.get(n % events.size()));
                        inputs.put("score", n % 11);
                        inputs.put("comment", n % 3 == 0 ? "Please CANCEL my plan" : "fine");
                        grid.add(inputs);
                        n++;
                    }
                }
            }
        }
        return grid;
    }
}
