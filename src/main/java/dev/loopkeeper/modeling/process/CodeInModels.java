package dev.loopkeeper.modeling.process;

import dev.loopkeeper.modeling.ModelProblem;
import dev.loopkeeper.sharedkernel.Reason;
import dev.loopkeeper.sharedkernel.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The rules that keep code out of a deployed model: every character the engine reads, and every hook that names
 * a class or a script. What the engine reads (checked against Camunda 7.24's {@code BpmnParse}, {@code
 * BpmnParseUtil}, {@code DefaultFormHandler}, {@code FormValidators}, {@code JuelFormEngine} and the DMN engine):
 * <ul>
 * <li>every attribute and every element's own text may become a JUEL expression ({@code ${…}}/{@code #{…}}),
 *     also in {@code documentation} (a user task's description) and text annotations;</li>
 * <li>attributes that name a class are instantiated ({@code camunda:class}, {@code formHandlerClass}, …), and so
 *     is a form field validator's {@code config}; {@code camunda:type="shell"} runs an operating-system command
 *     and {@code "mail"} sends mail;</li>
 * <li>scripts ({@code scriptTask}, {@code camunda:script}, {@code language}, {@code scriptFormat},
 *     {@code camunda:resource}); a {@code camunda:formKey} makes the engine's JUEL form engine evaluate a
 *     deployed resource, raw, as a template ({@code /rendered-form});</li>
 * <li>{@code xsi:schemaLocation} makes the engine's validating parser load a schema from anywhere, and a schema
 *     can add attributes (an {@code expression} on a listener) that no reader of the file sees;</li>
 * <li>a DMN expression runs in the language its {@code expressionLanguage} (or the definitions') names: JUEL
 *     and any script engine reach Java; FEEL reaches Java through {@code external} functions.</li>
 * </ul>
 */
final class CodeInModels {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The languages the DMN engine evaluates with its FEEL engine ({@code ExpressionEvaluationHandler}). */
    static final Set<String> FEEL_LANGUAGES = Set.of(
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
    /** Elements the DMN engine keeps as prose and never evaluates, left out of the FEEL checks (not the JUEL ones). */
    private static final Set<String> DMN_PROSE = Set.of("description", "textAnnotation");

    private final Supplier<ExpressionAllowList> allowList;

    CodeInModels(Supplier<ExpressionAllowList> allowList) {
        this.allowList = allowList;
    }

    /** Everything in a BPMN that could run code. */
    void process(String resource, ModelXml.Node root, List<ModelProblem> problems) {
        xml(resource, root, problems);
        root.walk(node -> {
            switch (node.name) {
                case "scriptTask" ->
                    problems.add(node.problem(
                            resource,
                            "Script tasks are not allowed: they run code on the server. Use a service task that names "
                                    + "an allow-listed bean (camunda:delegateExpression)",
                            Words.of("modeling.rule.script-task")));
                case "script" ->
                    problems.add(node.problem(
                            resource,
                            "Scripts (camunda:script in a listener or an input/output mapping) are not allowed",
                            Words.of("modeling.rule.script")));
                case "connector" ->
                    problems.add(node.problem(
                            resource,
                            "Connectors (camunda:connector) are not allowed; name an allow-listed bean with "
                                    + "camunda:delegateExpression",
                            Words.of("modeling.rule.connector")));
                case "formData", "formProperty" ->
                    problems.add(node.problem(
                            resource,
                            "Generated task forms (camunda:"
                                    + node.name
                                    + ") are not allowed: their validators and handlers can name Java classes; link "
                                    + "a Camunda Form with camunda:formRef",
                            Words.of("modeling.rule.generated-form", node.name)));
                case "import" ->
                    problems.add(node.problem(
                            resource,
                            "Imports (such as WSDL web services) are not allowed",
                            Words.of("modeling.rule.import")));
                default -> {}
            }
            for (ModelXml.Attribute attribute : node.all) {
                processAttribute(resource, node, attribute, problems);
            }
        });
    }

    private void processAttribute(
            String resource, ModelXml.Node node, ModelXml.Attribute attribute, List<ModelProblem> problems) {
        String name = attribute.name();
        String value = attribute.value();
        if (ModelXml.XMLNS.equals(attribute.namespace())) {
            return;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith("class")) {
            problems.add(node.problem(
                    resource,
                    "Java classes (camunda:" + name + "=\"" + value + "\") are not allowed; "
                            + "name an allow-listed bean with camunda:delegateExpression",
                    Words.of("modeling.rule.java-class", name, value)));
        } else if (name.equals("resource")) {
            problems.add(node.problem(
                    resource,
                    "External scripts (camunda:resource=\"" + value + "\") are not allowed",
                    Words.of("modeling.rule.external-script", value)));
        } else if (name.equals("scriptFormat") || name.equals("language") && !value.isBlank()) {
            problems.add(node.problem(
                    resource,
                    "Scripts (" + name + "=\"" + value + "\") are not allowed; write "
                            + "conditions as expressions, such as ${score < 7}",
                    Words.of("modeling.rule.script-attribute", name, value)));
        } else if (name.equals("formKey")) {
            problems.add(node.problem(
                    resource,
                    "camunda:formKey is not allowed (the engine renders such forms from "
                            + "deployed files as templates); link a Camunda Form with camunda:formRef",
                    Words.of("modeling.rule.form-key")));
        } else if (name.equals("type")
                && !attribute.namespace().isEmpty()
                && !XSI.equals(attribute.namespace())
                && !value.strip().equalsIgnoreCase("external")) {
            problems.add(node.problem(
                    resource,
                    "camunda:type=\"" + value + "\" is not allowed (\"shell\" runs a "
                            + "command on the server, \"mail\" sends mail); only external tasks may use camunda:type",
                    Words.of("modeling.rule.type", value)));
        }
    }

    /** Everything in a DMN that could run code. */
    void decision(String resource, ModelXml.Node root, List<ModelProblem> problems) {
        xml(resource, root, problems);
        Predicate<ModelXml.Node> prose = n -> DMN_PROSE.contains(n.name);
        root.walk(node -> {
            for (ModelXml.Attribute attribute : node.all) {
                if (attribute.name().equals("expressionLanguage") && !isFeel(attribute.value())) {
                    problems.add(node.problem(
                            resource,
                            "Decisions may only use FEEL; expressionLanguage=\"" + attribute.value()
                                    + "\" is not allowed",
                            Words.of("modeling.rule.feel-only", attribute.value())));
                }
            }
            if (insideProse(node)) {
                return;
            }
            boolean evaluated = node.name.equals("text");
            String deep = node.deepText(prose);
            boolean own = FeelJavaCalls.hasExternalKeyword(node.ownText());
            boolean innermost = node.children.stream()
                    .noneMatch(child -> !prose.test(child) && FeelJavaCalls.hasExternalKeyword(child.deepText(prose)));
            if (own
                    || innermost && FeelJavaCalls.hasExternalKeyword(deep)
                    || evaluated && (FeelJavaCalls.callsJava(node.ownText()) || FeelJavaCalls.callsJava(deep))) {
                problems.add(node.problem(
                        resource,
                        "FEEL functions that call Java (external { java: … }) are not allowed",
                        Words.of("modeling.rule.feel-java")));
            }
            if (evaluated && node.hasElementChildren()) {
                expression(resource, node, node.name, node.deepText(n -> false), problems);
            }
        });
    }

    /** The engine's test ({@code ExpressionEvaluationHandler.isFeelExpressionLanguage}): "feel" in any case, or a FEEL URI. */
    static boolean isFeel(String language) {
        String stripped = language.strip();
        return stripped.equalsIgnoreCase(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE)
                || FEEL_LANGUAGES.contains(stripped);
    }

    private static boolean insideProse(ModelXml.Node node) {
        for (ModelXml.Node n = node; n != null; n = n.parent) {
            if (DMN_PROSE.contains(n.name)) {
                return true;
            }
        }
        return false;
    }

    /** What BPMN and DMN share: schema hints, and every attribute and text as a possible expression. */
    private void xml(String resource, ModelXml.Node root, List<ModelProblem> problems) {
        for (ModelXml.SplitExpression split : ModelXml.splitExpressions(root)) {
            problems.add(split.after()
                    .problem(
                            resource,
                            "Text that forms an expression start (${ or #{) only across the tags of "
                                    + split.before().name + " and " + split.after().name + " is not allowed",
                            Words.of("modeling.rule.split-expression", split.before().name, split.after().name)));
        }
        root.walk(node -> {
            for (ModelXml.Attribute attribute : node.all) {
                boolean hint = attribute.name().equals("schemaLocation")
                        || attribute.name().equals("noNamespaceSchemaLocation");
                if (hint && !ModelXml.XMLNS.equals(attribute.namespace())) {
                    problems.add(node.problem(
                            resource,
                            "Schema locations (xsi:" + attribute.name() + ") are not "
                                    + "allowed: the engine would load that schema, which can add attributes to the model",
                            Words.of("modeling.rule.schema-location", attribute.name())));
                } else {
                    expression(resource, node, attribute.name(), attribute.value(), problems);
                }
            }
            expression(resource, node, node.name, node.ownText(), problems);
        });
    }

    /**
     * An expression is checked whole and as the pieces the engine makes of a comma-separated list
     * ({@code BpmnParse.parseCommaSeparatedList}: candidate users and groups), each piece an expression of its own.
     */
    private void expression(
            String resource, ModelXml.Node node, String where, String text, List<ModelProblem> problems) {
        if (!ExpressionAllowList.isExpression(text)) {
            return;
        }
        List<Reason> reasons = new ArrayList<>(allowList.get().reasons(text));
        if (reasons.isEmpty()) {
            for (String piece : commaSeparated(text)) {
                if (!piece.equals(text.strip()) && ExpressionAllowList.isExpression(piece)) {
                    reasons.addAll(allowList.get().reasons(piece));
                }
            }
        }
        for (Reason reason : reasons) {
            problems.add(node.problem(
                    resource,
                    "The expression " + text.strip() + " in " + where + " " + reason.message(),
                    Words.of("modeling.rule.expression", text.strip(), where, reason.words())));
        }
    }

    /** {@code BpmnParse.parseCommaSeparatedList}, character for character. */
    static List<String> commaSeparated(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean insideExpression = false;
        for (char c : text.toCharArray()) {
            if (c == '{' || c == '$') {
                insideExpression = true;
            } else if (c == '}') {
                insideExpression = false;
            } else if (c == ',' && !insideExpression) {
                pieces.add(piece.toString().trim());
                piece.setLength(0);
            }
            if (c != ',' || insideExpression) {
                piece.append(c);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString().trim());
        }
        return pieces;
    }
}
