package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.web.FieldProblem;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** What a survey tool sent cannot be taken as it is: the API answers 400 with this problem document. */
public class InvalidSubmission extends RuntimeException {

    private final transient ProblemDetail problem;

    public InvalidSubmission(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }

    /** The field problems, for a caller that reports them its own way. */
    @SuppressWarnings("unchecked")
    public List<FieldProblem> problems() {
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        return errors instanceof List<?> list ? (List<FieldProblem>) list
                : List.of(new FieldProblem("", problem.getDetail()));
    }
}
