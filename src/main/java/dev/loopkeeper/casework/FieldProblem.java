package dev.loopkeeper.casework;

/** One field of a task's form with what is wrong with the value given for it. */
public record FieldProblem(String field, String message) {}
