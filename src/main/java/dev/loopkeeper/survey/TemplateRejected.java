package dev.loopkeeper.survey;

import java.util.Map;
import java.util.stream.Collectors;

/** A survey template that was not saved, with what is wrong in each part, for the screen to show at its field. */
public class TemplateRejected extends RuntimeException {

    private final Map<TemplatePart, String> problems;

    public TemplateRejected(Map<TemplatePart, String> problems) {
        super(problems.entrySet().stream()
                .map(p -> p.getKey().label() + ": " + p.getValue())
                .collect(Collectors.joining("; ")));
        this.problems = Map.copyOf(problems);
    }

    public Map<TemplatePart, String> problems() {
        return problems;
    }
}
