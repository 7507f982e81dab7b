package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.loopkeeper.sharedkernel.web.StrictApiJson.WrongJsonType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * What Jackson could not read, told in the client's terms: the field (as a path into the body), what it
 * must be, and what came instead. Not "malformed JSON" unless the JSON really is: a repeated key, a field we
 * do not have, a value of another type or out of range are the client's field problems.
 */
final class UnreadableBody {

    static final URI MALFORMED_JSON = URI.create("https://loopkeeper.dev/problems/malformed-json");

    private UnreadableBody() {}

    static ProblemDetail problem(HttpMessageNotReadableException notReadable) {
        return problem((Throwable) notReadable);
    }

    /** The same for what Jackson threw while reading one value (an element of a batch, say). */
    static ProblemDetail problem(Throwable notReadable) {
        List<Throwable> chain = causes(notReadable);
        BodyTooLargeException tooLarge = first(chain, BodyTooLargeException.class);
        return tooLarge != null ? tooLarge.problem() : unreadable(chain);
    }

    private static ProblemDetail unreadable(List<Throwable> chain) {
        StreamReadException duplicate = first(chain, StreamReadException.class);
        if (duplicate != null && String.valueOf(duplicate.getOriginalMessage()).startsWith("Duplicate field")) {
            return ApiProblems.invalid(List.of(new FieldProblem(duplicatedField(duplicate), "appears more than once")));
        }
        JsonMappingException mapping = first(chain, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            return ApiProblems.invalid(List.of(new FieldProblem(path(mapping), mappingMessage(mapping, chain))));
        }
        if (mapping instanceof WrongJsonType wrong) {
            return ApiProblems.invalid("The request body must be a JSON object (was " + given(wrong.given()) + ")");
        }
        if (mapping != null && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
            return ApiProblems.invalid(
                    "The request body must be one JSON object, with nothing after it" + locationOf(mapping));
        }
        JsonProcessingException json = first(chain, JsonProcessingException.class);
        if (json == null) {
            // Spring's own message when there was nothing to read, or the body was the JSON literal null
            return ApiProblems.invalid("The request body is empty: send a JSON object");
        }
        // Jackson's advice to enable a parser feature is advice to us, not to the client
        String broken = String.valueOf(json.getOriginalMessage()).replaceAll(":? *enable `[^`]+` to allow", "");
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Shown.text(broken) + locationOf(json));
        problem.setType(MALFORMED_JSON);
        problem.setTitle("Malformed JSON");
        return problem;
    }

    private static List<Throwable> causes(Throwable ex) {
        Deque<Throwable> chain = new ArrayDeque<>();
        for (Throwable t = ex; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return List.copyOf(chain);
    }

    private static <T> T first(List<Throwable> chain, Class<T> type) {
        return chain.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElse(null);
    }

    /** The parser stopped on the repeated key, so its context is the key's place in the document. */
    private static String duplicatedField(StreamReadException duplicate) {
        Deque<String> segments = new ArrayDeque<>();
        JsonParser parser = duplicate.getProcessor();
        if (parser != null) {
            for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
                segments.push(at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return Shown.text(Shown.shortened(path.startsWith(".") ? path.substring(1) : path));
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() == null) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFrom() instanceof Map) {
                path.append('[').append(ref.getFieldName()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return Shown.text(Shown.shortened(path.toString()));
    }

    private static String mappingMessage(JsonMappingException mapping, List<Throwable> chain) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a known field"
                    + Suggestion.among(
                            unknown.getPropertyName(),
                            unknown.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .toList());
        }
        if (mapping instanceof WrongJsonType wrong) {
            return "must be " + expected(wrong.getTargetType()) + " (was " + given(wrong.given()) + ")";
        }
        if (mapping instanceof InvalidFormatException format) {
            return "must be " + expected(format.getTargetType()) + Shown.was(format.getValue());
        }
        InputCoercionException outOfRange = first(chain, InputCoercionException.class);
        if (outOfRange != null) {
            return "must be " + expected(outOfRange.getTargetType()) + " (was a number out of range)";
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        StreamReadException unreadable = first(chain, StreamReadException.class);
        if (unreadable != null
                && String.valueOf(unreadable.getOriginalMessage()).contains("UTF-8")) {
            return "is not valid UTF-8 (send UTF-8, or name the body's charset in the Content-Type)";
        }
        // Anything else (an exponent no number can have, say) is about the declared type of the field
        return "must be " + expected(declaredType(mapping)) + " (was not readable as one)";
    }

    private static Class<?> declaredType(JsonMappingException mapping) {
        JsonMappingException.Reference last =
                mapping.getPath().get(mapping.getPath().size() - 1);
        Object from = last.getFrom();
        Class<?> owner = from instanceof Class<?> type ? type : from == null ? null : from.getClass();
        if (owner == null || !owner.isRecord() || last.getFieldName() == null) {
            return null;
        }
        return Arrays.stream(owner.getRecordComponents())
                .filter(c -> c.getName().equals(last.getFieldName()))
                .findFirst()
                .<Class<?>>map(RecordComponent::getType)
                .orElse(null);
    }

    private static final Map<Class<?>, String> EXPECTED = Map.ofEntries(
            Map.entry(Integer.class, "a whole number"),
            Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"),
            Map.entry(long.class, "a whole number"),
            Map.entry(BigInteger.class, "a whole number"),
            Map.entry(BigDecimal.class, "a number"),
            Map.entry(Double.class, "a number"),
            Map.entry(double.class, "a number"),
            Map.entry(Boolean.class, "true or false"),
            Map.entry(boolean.class, "true or false"),
            Map.entry(Instant.class, "an ISO-8601 instant such as 2026-11-23T09:30:00Z"),
            Map.entry(String.class, "text"));

    static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant.toString().toLowerCase())
                            .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return EXPECTED.getOrDefault(type, "an object");
    }

    private static String given(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String locationOf(JsonProcessingException json) {
        return json.getLocation() == null
                ? ""
                : " (line " + json.getLocation().getLineNr() + ", column "
                        + json.getLocation().getColumnNr() + ")";
    }
}
