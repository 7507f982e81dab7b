package dev.loopkeeper.casework.form;

import dev.loopkeeper.casework.FieldProblem;
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
            String problem = check(field, values.get(field.key()));
            if (problem != null) {
                problems.add(new FieldProblem(field.key(), problem));
            }
        }
        return problems;
    }

    private static String check(FormSchema.Field field, Object value) {
        if (isEmpty(value)) {
            return field.required() ? "is required" : null;
        }
        return switch (field.type()) {
            case "number" -> number(field, value);
            case "checkbox" ->
                value instanceof Boolean || "true".equals(value) || "false".equals(value)
                        ? (field.required() && !Boolean.parseBoolean(String.valueOf(value)) ? "must be checked" : null)
                        : "must be true or false";
            case "select", "radio" -> oneOf(field, String.valueOf(value));
            case "checklist", "taglist" ->
                value instanceof Collection<?> chosen
                        ? chosen.stream()
                                .map(v -> oneOf(field, String.valueOf(v)))
                                .filter(p -> p != null)
                                .findFirst()
                                .orElse(null)
                        : "must be a list";
            case "datetime" -> dateTime(String.valueOf(value));
            default -> text(field, String.valueOf(value));
        };
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static String number(FormSchema.Field field, Object value) {
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return "must be a number";
        }
        if (field.min() != null && number < field.min()) {
            return "must be at least " + plain(field.min());
        }
        if (field.max() != null && number > field.max()) {
            return "must be at most " + plain(field.max());
        }
        return null;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String oneOf(FormSchema.Field field, String value) {
        if (!field.hasFixedOptions()
                || field.options().stream().anyMatch(o -> o.value().equals(value))) {
            return null;
        }
        return "must be one of "
                + String.join(
                        ", ",
                        field.options().stream().map(FormSchema.Option::value).toList()) + " (was " + value + ")";
    }

    private static String dateTime(String value) {
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
                    return "must be a date and time like 2026-11-25T10:00";
                }
            }
        }
    }

    private static String text(FormSchema.Field field, String value) {
        if (field.minLength() != null && value.length() < field.minLength()) {
            return "must have at least " + field.minLength() + " characters";
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            return "must have at most " + field.maxLength() + " characters (has " + value.length() + ")";
        }
        if (field.pattern() != null
                && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            return "does not have the expected format";
        }
        return null;
    }
}
