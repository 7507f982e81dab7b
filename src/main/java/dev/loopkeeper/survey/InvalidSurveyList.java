package dev.loopkeeper.survey;

import java.util.List;

/** A list that cannot be sent as it is; nothing of it was stored. */
public class InvalidSurveyList extends RuntimeException {

    private final List<String> problems;

    InvalidSurveyList(List<String> problems) {
        super(problems.size() + " problem(s) in the list: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
