package dev.loopkeeper.modeling.process;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's Scala FEEL engine as the engine builds it (external Java functions off), except that it parses each
 * expression of a decision table once instead of on every evaluation: the follow-up and alert policies are
 * evaluated for every response, and parsing their entries again each time was 6 % of an intake request's CPU and 9 %
 * of its acknowledgement job's (JFR, issue 15). A parsed expression is an immutable syntax tree, safe to share between
 * threads. What is kept is bounded, as every model a process owner deploys brings its own texts; an expression that
 * does not parse is not kept, so it fails on each evaluation with the engine's own message, as before.
 */
final class ParsedOnceFeel extends ScalaFeelEngine {

    static final int KEPT = 2_000;

    private final java.util.Map<String, ParsedExpression> expressions = kept();
    private final java.util.Map<String, ParsedExpression> unaryTests = kept();

    ParsedOnceFeel(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    /** In place of the engine's own FEEL, with the function providers the engine configuration has by then. */
    static void install(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        decisions.setFeelEngineFactory(() -> new ParsedOnceFeel(decisions.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(decisions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        if (parsed == null) {
            return super.evaluateSimpleExpression(expression, variableContext);
        }
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) valueOf(feelEngine.eval(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        if (parsed == null) {
            return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(toScalaList(input, variables));
            }
        };
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
    }

    private static ParsedExpression parsed(
            java.util.Map<String, ParsedExpression> kept,
            String expression,
            Function<String, Either<?, ParsedExpression>> parser) {
        ParsedExpression parsed = kept.get(expression);
        if (parsed == null) {
            Either<?, ParsedExpression> either = parser.apply(expression);
            if (!(either instanceof Right<?, ParsedExpression> right)) {
                return null;
            }
            parsed = right.value();
            if (kept.size() >= KEPT) {
                kept.clear(); // texts of models long replaced; the current ones are parsed again once
            }
            kept.put(expression, parsed);
        }
        return parsed;
    }

    private static Object valueOf(Either<?, Object> either) {
        if (either instanceof Right<?, Object> right) {
            return right.value();
        }
        var failure = (org.camunda.feel.FeelEngine.Failure) ((Left<?, ?>) either).value();
        throw LOGGER.evaluationException(failure.message());
    }

    /** Read by every evaluation on every thread: no lock on the way. */
    private static java.util.Map<String, ParsedExpression> kept() {
        return new ConcurrentHashMap<>();
    }
}
