package dev.loopkeeper.modeling.process;

import dev.loopkeeper.modeling.ModelProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment refused by the {@link DeploymentRules}. A {@link ParseException}, so that {@code /engine-rest}
 * answers 400 with the problems per resource, the way it reports the engine's own parse errors, and Camunda
 * Modeler shows them.
 */
public class DeploymentRulesViolation extends ParseException {

    private final List<ModelProblem> problems;
    private final List<ResourceReport> reports = new ArrayList<>();

    DeploymentRulesViolation(List<ModelProblem> problems) {
        super(message(problems), problems.get(0).resource(), List.of(), List.of());
        this.problems = List.copyOf(problems);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        problems.forEach(p -> byResource
                .computeIfAbsent(String.valueOf(p.resource()), r -> new ArrayList<>())
                .add(new RuleProblem(p)));
        byResource.forEach((resource, errors) -> reports.add(new ResourceReportImpl(resource, errors, List.of())));
    }

    public List<ModelProblem> problems() {
        return problems;
    }

    @Override
    public List<ResourceReport> getResorceReports() {
        return reports;
    }

    private static String message(List<ModelProblem> problems) {
        return "The deployment breaks " + problems.size() + (problems.size() == 1 ? " rule" : " rules")
                + " for deployed models: "
                + String.join(
                        "; ", problems.stream().map(ModelProblem::toString).toList());
    }

    private record RuleProblem(ModelProblem problem) implements Problem {

        @Override
        public String getMessage() {
            return problem.message();
        }

        @Override
        public int getLine() {
            return problem.line();
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return problem.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return problem.elementId() == null ? List.of() : List.of(problem.elementId());
        }
    }
}
