package dev.loopkeeper.sharedkernel;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of a process scope's variables (an execution's or a task's), so that no delegate casts what the
 * engine hands back. A variable that is not set reads as null, except where an id is required.
 */
public class ProcessVariables {

    private final VariableScope scope;

    public ProcessVariables(VariableScope scope) {
        this.scope = scope;
    }

    /** The value as text: a string as it is, a number or a flag as written. */
    public String text(String name) {
        Object value = value(name);
        return value == null ? null : value.toString();
    }

    /** Whether the variable is true, as a boolean or as the text a form may send. */
    public boolean flag(String name) {
        Object value = value(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** A date variable (the engine's timers and due dates take {@link Date}s) as an instant. */
    public Instant instant(String name) {
        Date value = (Date) value(name);
        return value == null ? null : value.toInstant();
    }

    /** An id kept as text; one that is not set or not an id fails the step (an incident, not a silent null). */
    public UUID uuid(String name) {
        String value = text(name);
        if (value == null) {
            throw new IllegalStateException("No " + name + " in this process");
        }
        return UUID.fromString(value);
    }

    protected Object value(String name) {
        return scope.getVariable(name);
    }
}
