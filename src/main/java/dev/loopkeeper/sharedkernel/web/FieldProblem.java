package dev.loopkeeper.sharedkernel.web;

/**
 * One bad field: a dotted path into what was sent ({@code customer.email}, {@code properties[region]}) and what is
 * wrong with it, with the value it had.
 */
public record FieldProblem(String field, String message) {}
