package dev.loopkeeper.modeling;

import java.util.List;

/** A deployment the engine or our rules refused, with every reason. */
public class DeploymentRefused extends RuntimeException {

    private final transient List<ModelProblem> problems;

    public DeploymentRefused(List<ModelProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ": "
                + String.join(
                        "; ", problems.stream().map(ModelProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
