package dev.loopkeeper.intake;

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
}
