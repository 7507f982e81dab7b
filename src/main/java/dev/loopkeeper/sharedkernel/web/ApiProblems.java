package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem bodies for our JSON API. A 400 lists every bad field under {@code errors}, so a
 * survey integration can fix all of them at once instead of one per round trip.
 */
@RestControllerAdvice(basePackages = "dev.loopkeeper")
class ApiProblems extends ResponseEntityExceptionHandler {

    static final URI INVALID_INPUT = URI.create("https://loopkeeper.dev/problems/invalid-input");
    static final URI MALFORMED_JSON = URI.create("https://loopkeeper.dev/problems/malformed-json");

    /** One bad field: a dotted path into the request body and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), describe(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String describe(FieldError error) {
        return error.getDefaultMessage() + (error.getRejectedValue() == null ? "" : " (was " + shorten(error.getRejectedValue()) + ")");
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 37) + "... (" + text.length() + " characters)";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
        if (cause instanceof BodyTooLargeException tooLarge) {
            return handleExceptionInternal(ex, tooLarge.problem(), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            problem.setType(INVALID_INPUT);
            problem.setTitle("Invalid request");
            problem.setDetail("1 field is invalid");
            problem.setProperty("errors", List.of(new FieldProblem(field, mappingMessage(mapping))));
        } else {
            problem.setType(MALFORMED_JSON);
            problem.setTitle("Malformed JSON");
            problem.setDetail(cause instanceof JsonProcessingException json
                    ? json.getOriginalMessage() + locationOf(json)
                    : "The request body is not valid JSON");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String mappingMessage(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase())
                    .collect(Collectors.joining(", "));
            return "must be one of " + allowed + " (was " + shorten(format.getValue()) + ")";
        }
        if (mapping instanceof InvalidFormatException format) {
            return "must be a " + typeName(format.getTargetType()) + " (was " + shorten(format.getValue()) + ")";
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        return "has the wrong type: expected " + (mapping.getPath().isEmpty() ? "another value" : typeName(targetType(mapping)));
    }

    private static Class<?> targetType(JsonMappingException mapping) {
        return mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null ? mismatch.getTargetType() : Object.class;
    }

    private static String typeName(Class<?> type) {
        return Map.<Class<?>, String>of(
                        Integer.class, "whole number", int.class, "whole number",
                        java.time.Instant.class, "timestamp like 2026-11-23T09:30:00Z",
                        java.math.BigDecimal.class, "number", String.class, "text", Map.class, "JSON object")
                .getOrDefault(type, type.getSimpleName());
    }

    private static String locationOf(JsonProcessingException json) {
        return json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
    }
}
