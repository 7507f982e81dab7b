package dev.loopkeeper.survey;

import dev.loopkeeper.sharedkernel.Reason;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A survey template that was not saved, with what is wrong in each part, for the screen to show at its field. */
public class TemplateRejected extends RuntimeException {

    private final transient Map<TemplatePart, Reason> reasons;

    public TemplateRejected(Map<TemplatePart, Reason> reasons) {
        super(reasons.entrySet().stream()
                .map(p -> p.getKey().label() + ": " + p.getValue().message())
                .collect(Collectors.joining("; ")));
        this.reasons = new EnumMap<>(TemplatePart.class);
        this.reasons.putAll(reasons);
    }

    /** What is wrong with each part, in English. */
    public Map<TemplatePart, String> problems() {
        Map<TemplatePart, String> problems = new EnumMap<>(TemplatePart.class);
        reasons.forEach((part, reason) -> problems.put(part, reason.message()));
        return problems;
    }

    /** What is wrong with each part, also in words a screen says in the reader's language. */
    public Map<TemplatePart, Reason> reasons() {
        return reasons;
    }
}
