package dev.loopkeeper.modeling.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.modeling.ModelKind;
import dev.loopkeeper.modeling.ModelProblem;
import dev.loopkeeper.sharedkernel.Words;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.engine.impl.util.StringUtil;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rules every deployment must pass, whichever way it comes (our editor, {@code /engine-rest}, start-up):
 * a deployed model must not be a way to run code on the server, and must not fail at run time for a
 * reason we can see now.
 * <ol>
 * <li>XML with a DOCTYPE or ENTITY declaration is refused (XXE); so is CMMN, which we do not use. Every
 *     resource the engine would parse as a model is checked as that model ({@link Kind}).</li>
 * <li>Nothing in a model runs code ({@link CodeInModels}): no scripts, no Java classes, no shell or mail tasks, no
 *     {@code formKey} templates, no schema locations; every expression, in every attribute and every text, uses
 *     only the {@link ExpressionAllowList}.</li>
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
    public record Resource(String name, byte[] content) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ExpressionAllowList> allowList;
    private final CodeInModels code;

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
        this.code = new CodeInModels(allowList);
    }

    public ExpressionAllowList allowList() {
        return allowList.get();
    }

    /** Every problem of the deployment; empty if it may be deployed. */
    public List<ModelProblem> check(List<Resource> resources, DeployedModels deployed) {
        List<ModelProblem> problems = new ArrayList<>();
        Set<String> forms = new HashSet<>();
        Set<String> decisions = new HashSet<>();
        Map<Resource, ModelXml.Node> bpmn = new LinkedHashMap<>();
        for (Resource resource : resources) {
            Kind kind = Kind.of(resource.name());
            if (kind == Kind.CASE) {
                problems.add(new ModelProblem(
                        resource.name(),
                        null,
                        0,
                        "CMMN is not used here; deploy BPMN processes, DMN decisions and Camunda Forms",
                        Words.of("modeling.rule.cmmn")));
            } else if (kind == Kind.FORM) {
                form(resource, problems, forms);
            } else if (kind != Kind.OTHER) {
                try {
                    ModelXml.Node root = ModelXml.parse(resource.content());
                    if (kind == Kind.PROCESS) {
                        bpmn.put(resource, root);
                    } else if (kind == Kind.DECISION) {
                        decision(resource, root, problems, decisions);
                    }
                } catch (ModelXml.Unreadable e) {
                    problems.add(new ModelProblem(resource.name(), null, e.line, e.getMessage(), e.words));
                }
            }
        }
        bpmn.forEach((resource, root) -> process(resource.name(), root, problems, forms, decisions, deployed));
        return problems;
    }

    /**
     * What a resource is, by its name. The engine's deployers match their suffixes exactly and without a dot
     * ({@code "bpmn"} takes {@code evilbpmn}; {@code "form"} takes {@code platform}); our library matches
     * {@code .bpmn}, {@code .dmn}, {@code .form} in any case. A name either reads as a model is checked as one.
     */
    enum Kind {
        PROCESS,
        DECISION,
        CASE,
        FORM,
        XML,
        OTHER;

        static Kind of(String name) {
            ModelKind ours = ModelKind.of(name).orElse(null);
            if (StringUtil.hasAnySuffix(name, CmmnDeployer.CMMN_RESOURCE_SUFFIXES)
                    || StringUtil.hasAnySuffix(name.toLowerCase(Locale.ROOT), CmmnDeployer.CMMN_RESOURCE_SUFFIXES)) {
                return CASE;
            }
            if (StringUtil.hasAnySuffix(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES) || ours == ModelKind.PROCESS) {
                return PROCESS;
            }
            if (StringUtil.hasAnySuffix(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)
                    || ours == ModelKind.DECISION) {
                return DECISION;
            }
            if (StringUtil.hasAnySuffix(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)
                    || ours == ModelKind.FORM) {
                return FORM;
            }
            return name.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : OTHER;
        }
    }

    private void process(
            String resource,
            ModelXml.Node root,
            List<ModelProblem> problems,
            Set<String> forms,
            Set<String> decisions,
            DeployedModels deployed) {
        code.process(resource, root, problems);
        root.walk(node -> {
            switch (node.name) {
                case "userTask" -> userTask(resource, node, problems, forms, deployed);
                case "startEvent" -> {
                    if (node.attribute("formRef") != null) {
                        formRef(resource, node, problems, forms, deployed);
                    }
                }
                case "businessRuleTask" -> decisionRef(resource, node, problems, decisions, deployed);
                case "timeDate", "timeDuration", "timeCycle" -> timer(resource, node, problems);
                case "failedJobRetryTimeCycle" -> retryCycle(resource, node, problems);
                default -> {}
            }
        });
    }

    private void userTask(
            String resource,
            ModelXml.Node task,
            List<ModelProblem> problems,
            Set<String> forms,
            DeployedModels deployed) {
        if (blank(task.attribute("candidateGroups")) && blank(task.attribute("assignee"))) {
            problems.add(at(
                    resource,
                    task,
                    "The user task " + label(task)
                            + " has neither a candidate group nor an assignee, so nobody would see it",
                    Words.of("modeling.rule.no-candidates", label(task))));
        }
        if (blank(task.attribute("formRef"))) {
            String formKey = task.attribute("formKey");
            problems.add(at(
                    resource,
                    task,
                    "The user task " + label(task) + " has no form; link a Camunda Form with "
                            + "camunda:formRef"
                            + (blank(formKey) ? "" : " (camunda:formKey=\"" + formKey + "\" is not a Camunda Form)"),
                    blank(formKey)
                            ? Words.of("modeling.rule.no-form", label(task))
                            : Words.of("modeling.rule.no-form-but-form-key", label(task), formKey)));
        } else {
            formRef(resource, task, problems, forms, deployed);
        }
    }

    private static void formRef(
            String resource,
            ModelXml.Node node,
            List<ModelProblem> problems,
            Set<String> forms,
            DeployedModels deployed) {
        String key = node.attribute("formRef").strip();
        if (ExpressionAllowList.isExpression(key)) {
            return; // chosen at run time; the expression itself is checked like any other
        }
        String binding = node.attribute("formRefBinding") == null ? "latest" : node.attribute("formRefBinding");
        Integer version = version(node.attribute("formRefVersion"));
        if (forms.contains(key)) {
            return;
        }
        if ("deployment".equals(binding)) {
            problems.add(at(
                    resource,
                    node,
                    "The form " + key + " of " + label(node) + " is bound to this deployment "
                            + "(camunda:formRefBinding=\"deployment\") but is not in it; add " + key + ".form",
                    Words.of("modeling.rule.form-not-in-deployment", key, label(node))));
        } else if (!deployed.hasForm(key, "version".equals(binding) ? version : null)) {
            boolean inVersion = version != null && "version".equals(binding);
            problems.add(at(
                    resource,
                    node,
                    "The form " + key + (inVersion ? " in version " + version : "")
                            + " of " + label(node)
                            + " is neither in this deployment nor deployed",
                    inVersion
                            ? Words.of("modeling.rule.form-version-missing", key, label(node), String.valueOf(version))
                            : Words.of("modeling.rule.form-missing", key, label(node))));
        }
    }

    private static void decisionRef(
            String resource,
            ModelXml.Node task,
            List<ModelProblem> problems,
            Set<String> decisions,
            DeployedModels deployed) {
        String key = task.attribute("decisionRef");
        if (blank(key) || ExpressionAllowList.isExpression(key) || decisions.contains(key.strip())) {
            return;
        }
        String binding = task.attribute("decisionRefBinding") == null ? "latest" : task.attribute("decisionRefBinding");
        Integer version = version(task.attribute("decisionRefVersion"));
        if ("deployment".equals(binding)) {
            problems.add(at(
                    resource,
                    task,
                    "The decision " + key + " of " + label(task) + " is bound to this "
                            + "deployment (camunda:decisionRefBinding=\"deployment\") but is not in it",
                    Words.of("modeling.rule.decision-not-in-deployment", key, label(task))));
        } else if (!deployed.hasDecision(key.strip(), "version".equals(binding) ? version : null)) {
            problems.add(at(
                    resource,
                    task,
                    "The decision " + key + " of " + label(task) + " is neither in this deployment nor deployed",
                    Words.of("modeling.rule.decision-missing", key, label(task))));
        }
    }

    private static void timer(String resource, ModelXml.Node node, List<ModelProblem> problems) {
        String text = node.text();
        if (text.isEmpty()) {
            problems.add(at(
                    resource,
                    node,
                    "The timer has an empty " + node.name,
                    Words.of("modeling.rule.timer-empty", node.name)));
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
            problems.add(at(
                    resource,
                    node,
                    "The timer's " + node.name + " \"" + text + "\" does not parse: use "
                            + (node.name.equals("timeDate")
                                    ? "an ISO-8601 date and time such as 2026-12-01T09:00:00Z"
                                    : node.name.equals("timeDuration")
                                            ? "an ISO-8601 duration such as PT4H or P2D"
                                            : "an ISO-8601 cycle such as R3/PT10M, or a cron expression")
                            + ", or an allowed expression",
                    Words.of(
                            node.name.equals("timeDate")
                                    ? "modeling.rule.timer-date"
                                    : node.name.equals("timeDuration")
                                            ? "modeling.rule.timer-duration"
                                            : "modeling.rule.timer-cycle",
                            node.name,
                            text)));
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
            problems.add(at(
                    resource,
                    node,
                    "The retry cycle \"" + text + "\" does not parse: use R3/PT5M, or "
                            + "intervals such as PT1M,PT10M",
                    Words.of("modeling.rule.retry-cycle", text)));
        }
    }

    private void decision(Resource resource, ModelXml.Node root, List<ModelProblem> problems, Set<String> decisions) {
        code.decision(resource.name(), root, problems);
        root.walk(node -> {
            if (node.name.equals("decision") && node.id() != null) {
                decisions.add(node.id());
            }
        });
    }

    private static void form(Resource resource, List<ModelProblem> problems, Set<String> forms) {
        try {
            JsonNode form = JSON.readTree(resource.content());
            if (form == null
                    || !form.isObject()
                    || !form.path("id").isTextual()
                    || form.get("id").asText().isBlank()) {
                problems.add(new ModelProblem(
                        resource.name(),
                        null,
                        0,
                        "A Camunda Form needs an \"id\": the key user tasks refer to with camunda:formRef",
                        Words.of("modeling.rule.form-id")));
            } else if (!form.path("components").isArray()) {
                problems.add(new ModelProblem(
                        resource.name(),
                        form.get("id").asText(),
                        0,
                        "A Camunda Form needs a \"components\" list",
                        Words.of("modeling.rule.form-components")));
            } else {
                forms.add(form.get("id").asText());
            }
        } catch (IOException e) {
            problems.add(new ModelProblem(
                    resource.name(),
                    null,
                    0,
                    "Not a Camunda Form (form-js JSON): " + e.getMessage(),
                    Words.of("modeling.rule.not-a-form", e.getMessage())));
        }
    }

    private static ModelProblem at(String resource, ModelXml.Node node, String message, Words words) {
        return node.problem(resource, message, words);
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
