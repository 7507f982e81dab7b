package dev.loopkeeper.casework.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * A Camunda Form (form-js JSON) as far as the server needs it: its fields, their types, rules and
 * allowed values. Layout-only components (text, spacer, …) carry no key and are skipped.
 */
public record FormSchema(String id, List<Part> parts) {

    /** What a form shows, in order: inputs, and text between them. */
    public sealed interface Part permits Field, Text {}

    /** Text (markdown in form-js) shown between the inputs. */
    public record Text(String text) implements Part {}

    /** One input of the form. */
    public record Field(
            String key,
            String type,
            String label,
            String description,
            boolean required,
            Double min,
            Double max,
            Integer minLength,
            Integer maxLength,
            String pattern,
            List<Option> options,
            String optionsKey,
            Object defaultValue,
            String subtype,
            Optional<Condition> hideWhen)
            implements Part {

        public boolean hasFixedOptions() {
            return !options.isEmpty();
        }
    }

    /** The inputs alone. */
    public List<Field> fields() {
        return parts.stream()
                .filter(Field.class::isInstance)
                .map(Field.class::cast)
                .toList();
    }

    /** A value a select, radio or checklist offers. */
    public record Option(String value, String label) {}

    /**
     * A field's {@code conditional.hide} expression, in the small subset of FEEL our forms use: {@code =not(flag)},
     * {@code =flag}, {@code =key = "value"}, {@code =key != "value"}, {@code =key = null}, {@code =key != null}, and
     * any of these joined by {@code or}.
     *
     * @param anyOf the conditions joined by {@code or}: it holds if one of them does
     */
    public record Condition(List<Clause> anyOf) {

        public enum Operator {
            TRUE,
            FALSE,
            EQUALS,
            NOT_EQUALS,
            IS_NULL,
            NOT_NULL
        }

        /** One comparison of a field's value. */
        public record Clause(String key, Operator operator, String value) {

            public boolean holds(Map<String, Object> values) {
                Object actual = values.get(key);
                boolean empty = actual == null || (actual instanceof String text && text.isBlank());
                return switch (operator) {
                    case TRUE -> Boolean.TRUE.equals(actual) || "true".equals(String.valueOf(actual));
                    case FALSE -> !(Boolean.TRUE.equals(actual) || "true".equals(String.valueOf(actual)));
                    case EQUALS -> value.equals(actual == null ? null : String.valueOf(actual));
                    case NOT_EQUALS -> !value.equals(actual == null ? null : String.valueOf(actual));
                    case IS_NULL -> empty;
                    case NOT_NULL -> !empty;
                };
            }
        }

        public boolean holds(Map<String, Object> values) {
            return anyOf.stream().anyMatch(clause -> clause.holds(values));
        }
    }

    public static FormSchema of(JsonNode form) {
        List<Part> parts = new ArrayList<>();
        collect(form.path("components"), parts);
        return new FormSchema(form.path("id").asText(null), List.copyOf(parts));
    }

    /** Groups and dynamic lists nest components; their keyed inputs count like top-level ones. */
    private static void collect(JsonNode components, List<Part> into) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.get("components"), into);
            }
            if ("text".equals(component.path("type").asText()) && component.hasNonNull("text")) {
                into.add(new Text(component.get("text").asText()));
            }
            if (!component.hasNonNull("key")) {
                continue;
            }
            JsonNode validate = component.path("validate");
            JsonNode defaultValue = component.get("defaultValue");
            into.add(new Field(
                    component.get("key").asText(),
                    component.path("type").asText(),
                    component.path("label").asText(component.get("key").asText()),
                    component.hasNonNull("description")
                            ? component.get("description").asText()
                            : null,
                    validate.path("required").asBoolean(false),
                    number(validate, "min"),
                    number(validate, "max"),
                    integer(validate, "minLength"),
                    integer(validate, "maxLength"),
                    validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
                    StreamSupport.stream(component.path("values").spliterator(), false)
                            .map(v -> new Option(
                                    v.path("value").asText(), v.path("label").asText()))
                            .toList(),
                    component.hasNonNull("valuesKey")
                            ? component.get("valuesKey").asText()
                            : null,
                    defaultValue == null || defaultValue.isNull()
                            ? null
                            : defaultValue.isBoolean()
                                    ? (Object) defaultValue.asBoolean()
                                    : defaultValue.isNumber()
                                            ? (Object) defaultValue.asDouble()
                                            : defaultValue.asText(),
                    component.hasNonNull("subtype") ? component.get("subtype").asText() : null,
                    condition(component.path("conditional").path("hide").asText(null))));
        }
    }

    private static Double number(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asDouble() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asInt() : null;
    }

    static Optional<Condition> condition(String feel) {
        if (feel == null || feel.isBlank()) {
            return Optional.empty();
        }
        String expr = feel.strip();
        expr = expr.startsWith("=") ? expr.substring(1).strip() : expr;
        List<Condition.Clause> clauses = new ArrayList<>();
        for (String part : expr.split("\\s+or\\s+")) {
            clauses.add(clause(part.strip(), feel));
        }
        return Optional.of(new Condition(List.copyOf(clauses)));
    }

    private static Condition.Clause clause(String expr, String feel) {
        var not = Pattern.compile("not\\(\\s*(\\w+)\\s*\\)").matcher(expr);
        if (not.matches()) {
            return new Condition.Clause(not.group(1), Condition.Operator.FALSE, null);
        }
        var nullCheck = Pattern.compile("(\\w+)\\s*(!=|=)\\s*null").matcher(expr);
        if (nullCheck.matches()) {
            return new Condition.Clause(
                    nullCheck.group(1),
                    "=".equals(nullCheck.group(2)) ? Condition.Operator.IS_NULL : Condition.Operator.NOT_NULL,
                    null);
        }
        var compare = Pattern.compile("(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"").matcher(expr);
        if (compare.matches()) {
            return new Condition.Clause(
                    compare.group(1),
                    "=".equals(compare.group(2)) ? Condition.Operator.EQUALS : Condition.Operator.NOT_EQUALS,
                    compare.group(3));
        }
        if (expr.matches("\\w+")) {
            return new Condition.Clause(expr, Condition.Operator.TRUE, null);
        }
        throw new IllegalArgumentException("Unsupported condition in form: " + feel
                + " (supported: =not(x), =x, =x = \"v\", =x != \"v\", =x = null, =x != null, joined by or)");
    }
}
