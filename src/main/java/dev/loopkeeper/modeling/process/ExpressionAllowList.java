package dev.loopkeeper.modeling.process;

import dev.loopkeeper.sharedkernel.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * What an expression ({@code ${...}} or {@code #{...}}) in a deployed model may touch. JUEL can call any
 * public method of any object it reaches ({@code ${x.getClass().forName(...)}}), and Camunda resolves any
 * Spring bean by name, so a model with free expressions can run any code. Allowed:
 * <ul>
 * <li>process variables, and {@code execution} / {@code task} as plain values (passed to a bean method);</li>
 * <li>our delegate and listener beans, by bare name ({@code ${acknowledgeDelegate}}): every bean that a
 *     {@code delegateExpression} in the models we ship ({@code bpmn/*.bpmn} on the classpath) names, and every
 *     other bean of ours that is a delegate or a listener (those that earlier versions of the models name stay
 *     beans for their running instances, and a rollback to such a version deploys);</li>
 * <li>the public methods of the {@code sla} bean ({@code ${sla.retryDueAt(execution)}});</li>
 * <li>Camunda's {@code now()} and {@code dateTime()} with {@code plus…}/{@code minus…}/{@code with…}/
 *     {@code toDate()} on the result;</li>
 * <li>{@code decisionResult} of a business rule task, through its result accessors;</li>
 * <li>literals, comparisons, arithmetic, {@code and}/{@code or}/{@code not}/{@code empty}, {@code ? :}.</li>
 * </ul>
 * Any other bean name, any other method call or property access is refused.
 */
public final class ExpressionAllowList {

    /** The bean whose methods timer and due-date expressions call. */
    static final String SLA_BEAN = "sla";

    private static final String OUR_PACKAGE = "dev.loopkeeper.";

    static final Set<String> ENGINE_VALUES = Set.of("execution", "task");
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime");
    static final String DECISION_RESULT = "decisionResult";
    static final Set<String> DECISION_RESULT_METHODS = Set.of(
            "getSingleResult",
            "getFirstResult",
            "getResultList",
            "getSingleEntry",
            "getEntry",
            "get",
            "collectEntries",
            "size",
            "isEmpty");
    private static final Pattern DATE_METHOD = Pattern.compile("(plus|minus|with)[A-Z]\\w*|toDate");
    private static final Pattern BARE_BEAN = Pattern.compile("^\\s*\\$\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$");
    private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Set<String> delegates;
    private final Map<String, Set<String>> methods;
    private final Predicate<String> isBean;

    ExpressionAllowList(Set<String> delegates, Map<String, Set<String>> methods, Predicate<String> isBean) {
        this.delegates = Collections.unmodifiableSet(new TreeSet<>(delegates));
        this.methods = Collections.unmodifiableMap(new TreeMap<>(methods));
        this.isBean = isBean;
    }

    /**
     * Derives the list from the models we ship and the beans there are: the bean names their
     * {@code delegateExpression}s use, plus the {@code sla} bean's public methods.
     */
    static ExpressionAllowList derive(ListableBeanFactory beans, ClassLoader classLoader) {
        Set<String> delegates = new TreeSet<>();
        try {
            Resource[] models =
                    new PathMatchingResourcePatternResolver(classLoader).getResources("classpath*:bpmn/**/*.bpmn");
            for (Resource model : models) {
                try (InputStream in = model.getInputStream()) {
                    ModelXml.parse(in.readAllBytes())
                            .walk(node -> node.all.stream()
                                    .filter(a -> a.name().equals("delegateExpression"))
                                    .map(a -> BARE_BEAN.matcher(a.value()))
                                    .filter(Matcher::matches)
                                    .map(m -> m.group(1))
                                    .filter(beans::containsBean)
                                    .forEach(delegates::add));
                } catch (ModelXml.Unreadable e) {
                    throw new IllegalStateException("A model we ship is unreadable: " + model + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Class<?> step : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
            for (String name : beans.getBeanNamesForType(step, false, false)) {
                Class<?> type = beans.getType(name);
                if (type != null && ClassUtils.getUserClass(type).getName().startsWith(OUR_PACKAGE)) {
                    delegates.add(name);
                }
            }
        }
        Map<String, Set<String>> methods = new TreeMap<>();
        if (beans.containsBean(SLA_BEAN) && beans.getType(SLA_BEAN) != null) {
            methods.put(SLA_BEAN, publicMethods(ClassUtils.getUserClass(beans.getType(SLA_BEAN))));
        }
        return new ExpressionAllowList(delegates, methods, beans::containsBean);
    }

    private static Set<String> publicMethods(Class<?> type) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class
                        && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic())
                .map(Method::getName)
                .forEach(names::add);
        return names;
    }

    /** Delegate and listener beans a model may name. */
    public Set<String> delegates() {
        return delegates;
    }

    /** Beans whose methods a model may call, with those methods. */
    public Map<String, Set<String>> methods() {
        return methods;
    }

    /** Does the text hold an expression at all? */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * What is wrong with an expression, one reason a line; empty if it only uses what is allowed.
     */
    List<String> check(String expression) {
        return reasons(expression).stream().map(Reason::message).toList();
    }

    /** The same, each reason also in words a screen says in the reader's language. */
    List<Reason> reasons(String expression) {
        List<Reason> problems = new ArrayList<>();
        Node root;
        try {
            root = JUEL.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            problems.add(Reason.of(
                    "is not a valid expression: " + e.getMessage(),
                    "modeling.rule.expression.invalid",
                    e.getMessage()));
            return problems;
        }
        visit(root, problems);
        return problems;
    }

    private void visit(Node node, List<Reason> problems) {
        if (node instanceof AstMethod || node instanceof AstProperty) {
            chain(node, problems);
        } else if (node instanceof AstIdentifier identifier) {
            identifier(identifier.getName(), problems);
        } else if (node instanceof AstFunction function) {
            if (!FUNCTIONS.contains(function.getName())) {
                String allowed = String.join("(), ", new TreeSet<>(FUNCTIONS)) + "()";
                problems.add(Reason.of(
                        "calls the function " + function.getName() + "(), which is not allowed (allowed: " + allowed
                                + ")",
                        "modeling.rule.expression.function",
                        function.getName(),
                        allowed));
            }
            children(node, problems);
        } else {
            children(node, problems);
        }
    }

    private void children(Node node, List<Reason> problems) {
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), problems);
        }
    }

    private void identifier(String name, List<Reason> problems) {
        if (ENGINE_VALUES.contains(name) || delegates.contains(name) || methods.containsKey(name)) {
            return;
        }
        if (isBean.test(name)) {
            problems.add(Reason.of(
                    "uses the bean " + name + ", which is not on the allow-list",
                    "modeling.rule.expression.bean",
                    name));
        }
        // anything else is a process variable
    }

    /** A call or property chain: {@code root.a(x).b(y)}, checked from its root outwards. */
    private void chain(Node node, List<Reason> problems) {
        List<String> steps = new ArrayList<>();
        List<Node> arguments = new ArrayList<>();
        Node current = node;
        while (current instanceof AstMethod || current instanceof AstProperty) {
            if (current instanceof AstMethod) {
                AstProperty property = (AstProperty) current.getChild(0);
                AstParameters params = (AstParameters) current.getChild(1);
                for (int i = 0; i < params.getCardinality(); i++) {
                    arguments.add(params.getChild(i));
                }
                steps.add(0, name(property) + "()");
                current = property.getChild(0);
            } else {
                if (current instanceof AstBracket bracket) {
                    arguments.add(bracket.getChild(1));
                }
                steps.add(0, name((AstProperty) current));
                current = current.getChild(0);
            }
        }
        String text = describe(current) + "." + String.join(".", steps);
        Reason problem = chainProblem(current, steps, text);
        if (problem != null) {
            problems.add(problem);
        } else if (current instanceof AstFunction function) {
            children(function, problems);
        }
        arguments.forEach(argument -> visit(argument, problems));
    }

    /** What is wrong with the chain {@code text} from this root on; null: nothing. */
    private Reason chainProblem(Node root, List<String> steps, String text) {
        if (root instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (methods.containsKey(name)) {
                String first = steps.get(0);
                String allowed = String.join(", ", methods.get(name));
                return steps.size() == 1
                                && first.endsWith("()")
                                && methods.get(name).contains(first.substring(0, first.length() - 2))
                        ? null
                        : Reason.of(
                                "uses " + text + "; of the bean " + name + " only these methods may be called: "
                                        + allowed,
                                "modeling.rule.expression.bean-methods",
                                text,
                                name,
                                allowed);
            }
            if (DECISION_RESULT.equals(name)) {
                String allowed = String.join("(), ", new TreeSet<>(DECISION_RESULT_METHODS)) + "()";
                return steps.stream()
                                .allMatch(s -> s.endsWith("()")
                                        && DECISION_RESULT_METHODS.contains(s.substring(0, s.length() - 2)))
                        ? null
                        : Reason.of(
                                "uses " + text + "; decisionResult may only be read with " + allowed,
                                "modeling.rule.expression.decision-result",
                                text,
                                allowed);
            }
            if (delegates.contains(name)) {
                return Reason.of(
                        "uses " + text + "; the delegate bean " + name + " may only be named, as ${" + name + "}",
                        "modeling.rule.expression.delegate",
                        text,
                        name);
            }
            if (isBean.test(name) && !ENGINE_VALUES.contains(name)) {
                return Reason.of(
                        "uses " + text + "; the bean " + name + " is not on the allow-list",
                        "modeling.rule.expression.bean-not-allowed",
                        text,
                        name);
            }
            return ENGINE_VALUES.contains(name)
                    ? Reason.of(
                            "uses " + text + "; methods and properties may only be used on allow-listed beans, not on "
                                    + name,
                            "modeling.rule.expression.on-engine-value",
                            text,
                            name)
                    : Reason.of(
                            "uses " + text + "; methods and properties may only be used on allow-listed beans, not on "
                                    + "the variable " + name,
                            "modeling.rule.expression.on-variable",
                            text,
                            name);
        }
        if (root instanceof AstFunction function && FUNCTIONS.contains(function.getName())) {
            return steps.stream()
                            .allMatch(s -> s.endsWith("()")
                                    && DATE_METHOD
                                            .matcher(s.substring(0, s.length() - 2))
                                            .matches())
                    ? null
                    : Reason.of(
                            "uses " + text + "; on " + function.getName()
                                    + "() only plus…(), minus…(), with…() and toDate() may be called",
                            "modeling.rule.expression.date-methods",
                            text,
                            function.getName());
        }
        return Reason.of(
                "uses " + text + ", which calls into an object that is not allow-listed",
                "modeling.rule.expression.other",
                text);
    }

    private static String name(AstProperty property) {
        if (property instanceof AstDot dot) {
            // AstDot keeps its name private; its text form is ". name"
            return dot.toString().replaceFirst("^\\.\\s*", "");
        }
        return "[…]";
    }

    private static String describe(Node root) {
        if (root instanceof AstIdentifier identifier) {
            return identifier.getName();
        }
        if (root instanceof AstFunction function) {
            return function.getName() + "(…)";
        }
        return "(…)";
    }
}
