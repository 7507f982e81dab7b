package dev.loopkeeper.casework;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Completing a task was refused because its form's rules were broken. Thrown inside the engine's
 * complete command, so the task stays open and nothing of the completion is written.
 */
public class InvalidTaskInput extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidTaskInput(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidTaskInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
