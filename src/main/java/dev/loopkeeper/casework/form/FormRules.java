package dev.loopkeeper.casework.form;

import dev.loopkeeper.casework.FieldProblem;
import dev.loopkeeper.sharedkernel.Words;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a Camunda Form declares — required, ranges, lengths, patterns, allowed values — checked
 * on the server, so a value the browser would have refused is also refused from the REST API.
 */
public final class FormRules {

    private FormRules() {}

    public static List<FieldProblem> check(FormSchema form, Map<String, Object> values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FormSchema.Field field : form.fields()) {
            if (field.hideWhen().map(c -> c.holds(values)).orElse(false)) {
                continue;
            }
            FieldProblem problem = check(field, values.get(field.key()));
            if (problem != null) {
                problems.add(new FieldProblem(field.key(), problem.message(), problem.words()));
            }
        }
        return problems;
    }

    /** The problem with the value, without its field yet: its English message and its words. */
    private static FieldProblem check(FormSchema.Field field, Object value) {
        if (isEmpty(value)) {
            return field.required() ? problem("is required", "required") : null;
        }
        return switch (field.type()) {
            case "number" -> number(field, value);
            case "checkbox" ->
                value instanceof Boolean || "true".equals(value) || "false".equals(value)
                        ? (field.required() && !Boolean.parseBoolean(String.valueOf(value))
                                ? problem("must be checked", "checked")
                                : null)
                        : problem("must be true or false", "boolean");
            case "select", "radio" -> oneOf(field, String.valueOf(value));
            case "checklist", "taglist" ->
                value instanceof Collection<?> chosen
                        ? chosen.stream()
                                .map(v -> oneOf(field, String.valueOf(v)))
                                .filter(p -> p != null)
                                .findFirst()
                                .orElse(null)
                        : problem("must be a list", "list");
            case "datetime" -> dateTime(String.valueOf(value));
            default -> text(field, String.valueOf(value));
        };
    }

    private static FieldProblem problem(String message, String key, Object... params) {
        return new FieldProblem("", message, Words.of("casework.form-rule." + key, params));
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static FieldProblem number(FormSchema.Field field, Object value) {
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return problem("must be a number", "number");
        }
        if (field.min() != null && number < field.min()) {
            return problem("must be at least " + plain(field.min()), "min", plain(field.min()));
        }
        if (field.max() != null && number > field.max()) {
            return problem("must be at most " + plain(field.max()), "max", plain(field.max()));
        }
        return null;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static FieldProblem oneOf(FormSchema.Field field, String value) {
        if (!field.hasFixedOptions()
                || field.options().stream().anyMatch(o -> o.value().equals(value))) {
            return null;
        }
        String options = String.join(
                ", ", field.options().stream().map(FormSchema.Option::value).toList());
        return problem("must be one of " + options + " (was " + value + ")", "one-of", options, value);
    }

    private static FieldProblem dateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return null;
        } catch (DateTimeParseException notOffset) {
            try {
                LocalDateTime.parse(value);
                return null;
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate.parse(value);
                    return null;
                } catch (DateTimeParseException notDate) {
                    return problem("must be a date and time like 2026-11-25T10:00", "date-time");
                }
            }
        }
    }

    private static FieldProblem text(FormSchema.Field field, String value) {
        if (field.minLength() != null && value.length() < field.minLength()) {
            return problem("must have at least " + field.minLength() + " characters", "min-length", field.minLength());
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            return problem(
                    "must have at most " + field.maxLength() + " characters (has " + value.length() + ")",
                    "max-length",
                    field.maxLength(),
                    value.length());
        }
        if (field.pattern() != null
                && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            return problem("does not have the expected format", "format");
        }
        return null;
    }
}
