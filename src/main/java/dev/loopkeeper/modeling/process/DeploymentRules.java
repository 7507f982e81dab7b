package dev.loopkeeper.modeling.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.modeling.ModelKind;
import dev.loopkeeper.modeling.ModelProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rules every deployment must pass, whichever way it comes (our editor, {@code /engine-rest}, start-up):
 * a deployed model must not be a way to run code on the server, and must not fail at run time for a
 * reason we can see now.
 * <ol>
 * <li>XML with a DOCTYPE or ENTITY declaration is refused (XXE); so is CMMN, which we do not use.</li>
 * <li>No script tasks, no scripts in listeners or input/output mappings, no script conditions
 *     ({@code language}, {@code camunda:resource}, {@code scriptFormat}), no Java class delegates
 *     ({@code camunda:class}, {@code camunda:variableMappingClass}).</li>
 * <li>Every expression uses only the {@link ExpressionAllowList}.</li>
 * <li>Every user task has a candidate group or an assignee, and a Camunda Form ({@code camunda:formRef}).</li>
 * <li>Every {@code formRef} and {@code decisionRef} resolves: to a form or decision in the same deployment,
 *     or, unless bound to the deployment, to one already deployed.</li>
 * <li>Timers (and retry cycles) parse: ISO-8601 dates, durations and cycles, cron, or an allowed expression.</li>
 * <li>Decision tables use FEEL only (no JavaScript, Groovy or JUEL entries, no external Java functions); forms
 *     are form-js JSON with an id.</li>
 * </ol>
 */
@Component
public class DeploymentRules {

    /** What is deployed already, for references that need not be in the same deployment. */
    public interface DeployedModels {

        /** Is there a form with this key (in this version, if one is given)? */
        boolean hasForm(String key, Integer version);

        /** Is there a decision with this key (in this version, if one is given)? */
        boolean hasDecision(String key, Integer version);
    }

    /** A file of a deployment. */
    public record Resource(String name, byte[] content) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ExpressionAllowList> allowList;

    /** The allow-list is derived on first use, from the models we ship and the beans there are. */
    @Autowired
    DeploymentRules(ListableBeanFactory beans) {
        this(new Supplier<>() {
            private volatile ExpressionAllowList derived;

            @Override
            public ExpressionAllowList get() {
                if (derived == null) {
                    derived = ExpressionAllowList.derive(beans, DeploymentRules.class.getClassLoader());
                }
                return derived;
            }
        });
    }

    DeploymentRules(Supplier<ExpressionAllowList> allowList) {
        this.allowList = allowList;
    }

    public ExpressionAllowList allowList() {
        return allowList.get();
    }

    /** Every problem of the deployment; empty if it may be deployed. */
    public List<ModelProblem> check(List<Resource> resources, DeployedModels deployed) {
        List<ModelProblem> problems = new ArrayList<>();
        Set<String> forms = new HashSet<>();
        Set<String> decisions = new HashSet<>();
        Map<Resource, ModelXml.Node> bpmn = new java.util.LinkedHashMap<>();
        for (Resource resource : resources) {
            String name = resource.name().toLowerCase(Locale.ROOT);
            ModelKind kind = ModelKind.of(resource.name()).orElse(null);
            if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
                problems.add(new ModelProblem(resource.name(), null, 0,
                        "CMMN is not used here; deploy BPMN processes, DMN decisions and Camunda Forms"));
            } else if (kind == ModelKind.FORM) {
                form(resource, problems, forms);
            } else if (kind == ModelKind.PROCESS || kind == ModelKind.DECISION || name.endsWith(".xml")) {
                try {
                    ModelXml.Node root = ModelXml.parse(resource.content());
                    if (kind == ModelKind.PROCESS) {
                        bpmn.put(resource, root);
                    } else if (kind == ModelKind.DECISION) {
                        decision(resource, root, problems, decisions);
                    }
                } catch (ModelXml.Unreadable e) {
                    problems.add(new ModelProblem(resource.name(), null, e.line, e.getMessage()));
                }
            }
        }
        bpmn.forEach((resource, root) -> process(resource.name(), root, problems, forms, decisions, deployed));
        return problems;
    }

    private void process(String resource, ModelXml.Node root, List<ModelProblem> problems, Set<String> forms,
                         Set<String> decisions, DeployedModels deployed) {
        root.walk(node -> {
            switch (node.name) {
                case "scriptTask" -> problems.add(at(resource, node,
                        "Script tasks are not allowed: they run code on the server. Use a service task that names "
                                + "an allow-listed bean (camunda:delegateExpression)"));
                case "script" -> problems.add(at(resource, node,
                        "Scripts (camunda:script in a listener or an input/output mapping) are not allowed"));
                case "userTask" -> userTask(resource, node, problems, forms, deployed);
                case "startEvent" -> {
                    if (node.attribute("formRef") != null) {
                        formRef(resource, node, problems, forms, deployed);
                    }
                }
                case "businessRuleTask" -> decisionRef(resource, node, problems, decisions, deployed);
                case "timeDate", "timeDuration", "timeCycle" -> timer(resource, node, problems);
                case "failedJobRetryTimeCycle" -> retryCycle(resource, node, problems);
                case "conditionExpression", "condition" -> {
                    if (node.attribute("language") != null && !node.attribute("language").isBlank()) {
                        problems.add(at(resource, node, "Script conditions are not allowed (language=\""
                                + node.attribute("language") + "\"); write the condition as an expression, such as "
                                + "${score < 7}"));
                    }
                }
                default -> {
                }
            }
            for (ModelXml.Attribute attribute : node.all) {
                switch (attribute.name()) {
                    case "class", "variableMappingClass" -> problems.add(at(resource, node,
                            "Java class delegates (camunda:" + attribute.name() + "=\"" + attribute.value()
                                    + "\") are not allowed; name an allow-listed bean with camunda:delegateExpression"));
                    case "resource" -> problems.add(at(resource, node,
                            "External scripts (camunda:resource=\"" + attribute.value() + "\") are not allowed"));
                    case "scriptFormat" -> problems.add(at(resource, node,
                            "Scripts (scriptFormat=\"" + attribute.value() + "\") are not allowed"));
                    default -> expression(resource, node, attribute.name(), attribute.value(), problems);
                }
            }
            if (!node.name.equals("documentation") && !node.name.equals("text") && node.children.isEmpty()) {
                expression(resource, node, node.name, node.text(), problems);
            }
        });
    }

    private void expression(String resource, ModelXml.Node node, String where, String text,
                            List<ModelProblem> problems) {
        if (!ExpressionAllowList.isExpression(text)) {
            return;
        }
        for (String reason : allowList.get().check(text)) {
            problems.add(at(resource, node, "The expression " + text.strip() + " in " + where + " " + reason));
        }
    }

    private void userTask(String resource, ModelXml.Node task, List<ModelProblem> problems, Set<String> forms,
                          DeployedModels deployed) {
        if (blank(task.attribute("candidateGroups")) && blank(task.attribute("assignee"))) {
            problems.add(at(resource, task, "The user task " + label(task)
                    + " has neither a candidate group nor an assignee, so nobody would see it"));
        }
        if (blank(task.attribute("formRef"))) {
            problems.add(at(resource, task, "The user task " + label(task) + " has no form; link a Camunda Form with "
                    + "camunda:formRef" + (blank(task.attribute("formKey")) ? ""
                    : " (camunda:formKey=\"" + task.attribute("formKey") + "\" is not a Camunda Form)")));
        } else {
            formRef(resource, task, problems, forms, deployed);
        }
    }

    private static void formRef(String resource, ModelXml.Node node, List<ModelProblem> problems, Set<String> forms,
                                DeployedModels deployed) {
        String key = node.attribute("formRef").strip();
        if (ExpressionAllowList.isExpression(key)) {
            return;  // chosen at run time; the expression itself is checked like any other
        }
        String binding = node.attribute("formRefBinding") == null ? "latest" : node.attribute("formRefBinding");
        Integer version = version(node.attribute("formRefVersion"));
        if (forms.contains(key)) {
            return;
        }
        if ("deployment".equals(binding)) {
            problems.add(at(resource, node, "The form " + key + " of " + label(node) + " is bound to this deployment "
                    + "(camunda:formRefBinding=\"deployment\") but is not in it; add " + key + ".form"));
        } else if (!deployed.hasForm(key, "version".equals(binding) ? version : null)) {
            problems.add(at(resource, node, "The form " + key + (version != null && "version".equals(binding)
                    ? " in version " + version : "") + " of " + label(node)
                    + " is neither in this deployment nor deployed"));
        }
    }

    private static void decisionRef(String resource, ModelXml.Node task, List<ModelProblem> problems,
                                    Set<String> decisions, DeployedModels deployed) {
        String key = task.attribute("decisionRef");
        if (blank(key) || ExpressionAllowList.isExpression(key) || decisions.contains(key.strip())) {
            return;
        }
        String binding = task.attribute("decisionRefBinding") == null ? "latest" : task.attribute("decisionRefBinding");
        Integer version = version(task.attribute("decisionRefVersion"));
        if ("deployment".equals(binding)) {
            problems.add(at(resource, task, "The decision " + key + " of " + label(task) + " is bound to this "
                    + "deployment (camunda:decisionRefBinding=\"deployment\") but is not in it"));
        } else if (!deployed.hasDecision(key.strip(), "version".equals(binding) ? version : null)) {
            problems.add(at(resource, task, "The decision " + key + " of " + label(task)
                    + " is neither in this deployment nor deployed"));
        }
    }

    private static void timer(String resource, ModelXml.Node node, List<ModelProblem> problems) {
        String text = node.text();
        if (text.isEmpty()) {
            problems.add(at(resource, node, "The timer has an empty " + node.name));
            return;
        }
        if (ExpressionAllowList.isExpression(text)) {
            return;
        }
        try {
            switch (node.name) {
                case "timeDate" -> new DueDateBusinessCalendar().resolveDuedate(text);
                case "timeDuration" -> new DurationBusinessCalendar().resolveDuedate(text);
                default -> new CycleBusinessCalendar().resolveDuedate(text);
            }
        } catch (RuntimeException e) {
            problems.add(at(resource, node, "The timer's " + node.name + " \"" + text + "\" does not parse: use "
                    + (node.name.equals("timeDate") ? "an ISO-8601 date and time such as 2026-12-01T09:00:00Z"
                    : node.name.equals("timeDuration") ? "an ISO-8601 duration such as PT4H or P2D"
                    : "an ISO-8601 cycle such as R3/PT10M, or a cron expression") + ", or an allowed expression"));
        }
    }

    private static void retryCycle(String resource, ModelXml.Node node, List<ModelProblem> problems) {
        String text = node.text();
        if (text.isEmpty() || ExpressionAllowList.isExpression(text)) {
            return;
        }
        try {
            if (text.startsWith("R")) {
                new CycleBusinessCalendar().resolveDuedate(text);
            } else {
                for (String interval : text.split(",")) {
                    new DurationBusinessCalendar().resolveDuedate(interval.strip());
                }
            }
        } catch (RuntimeException e) {
            problems.add(at(resource, node, "The retry cycle \"" + text + "\" does not parse: use R3/PT5M, or "
                    + "intervals such as PT1M,PT10M"));
        }
    }

    private static void decision(Resource resource, ModelXml.Node root, List<ModelProblem> problems,
                                 Set<String> decisions) {
        root.walk(node -> {
            if (node.name.equals("decision") && node.id() != null) {
                decisions.add(node.id());
            }
            String language = node.attribute("expressionLanguage");
            if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
                problems.add(at(resource.name(), node, "Decisions may only use FEEL; expressionLanguage=\"" + language
                        + "\" is not allowed"));
            }
            String text = node.children.isEmpty() ? node.text() : "";
            if (text.matches("(?s).*\\bexternal\\s*\\{.*") && text.contains("java")) {
                problems.add(at(resource.name(), node, "FEEL functions that call Java (external { java: … }) are "
                        + "not allowed"));
            }
        });
    }

    private static void form(Resource resource, List<ModelProblem> problems, Set<String> forms) {
        try {
            JsonNode form = JSON.readTree(resource.content());
            if (form == null || !form.isObject() || !form.path("id").isTextual() || form.get("id").asText().isBlank()) {
                problems.add(new ModelProblem(resource.name(), null, 0, "A Camunda Form needs an \"id\": the key "
                        + "user tasks refer to with camunda:formRef"));
            } else if (!form.path("components").isArray()) {
                problems.add(new ModelProblem(resource.name(), form.get("id").asText(), 0,
                        "A Camunda Form needs a \"components\" list"));
            } else {
                forms.add(form.get("id").asText());
            }
        } catch (IOException e) {
            problems.add(new ModelProblem(resource.name(), null, 0, "Not a Camunda Form (form-js JSON): "
                    + e.getMessage()));
        }
    }

    private static ModelProblem at(String resource, ModelXml.Node node, String message) {
        ModelXml.Node identified = node.identified().orElse(null);
        return new ModelProblem(resource, identified == null ? null : identified.id(), node.line, message);
    }

    private static String label(ModelXml.Node node) {
        String name = node.attribute("name");
        return "\"" + (blank(name) ? (node.id() == null ? node.name : node.id()) : name.strip()) + "\"";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Integer version(String text) {
        try {
            return blank(text) ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
