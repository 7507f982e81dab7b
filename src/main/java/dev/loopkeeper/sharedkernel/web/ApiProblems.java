package dev.loopkeeper.sharedkernel.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem bodies for our JSON API. A 400 names the field and what was expected; validation
 * lists every bad field under {@code errors}, so a survey integration can fix all of them at once
 * instead of one per round trip (a body Jackson cannot read: {@link UnreadableBody}). No base package:
 * a wrong method, media type or Accept header is refused before any controller is chosen, and those
 * answers are problem documents too.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    static final URI INVALID_INPUT = URI.create("https://loopkeeper.dev/problems/invalid-input");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex, invalid(problemsOf(ex.getBindingResult())), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Every field that failed validation, by field name, with what is wrong and what it was. */
    static List<FieldProblem> problemsOf(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(error -> new FieldProblem(Shown.text(Shown.shortened(error.getField())), describe(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
    }

    static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A 400 about the request as a whole rather than one of its fields. */
    static ProblemDetail invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid request");
        return problem;
    }

    private static String describe(FieldError error) {
        return error.getDefaultMessage() + Shown.was(error.getRejectedValue());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = UnreadableBody.problem(ex);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** A path variable that is not of its type: {@code /api/cases/abc}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = invalid(ex.getPropertyName() + " must be "
                + (ex.getRequiredType() == UUID.class ? "a UUID" : UnreadableBody.expected(ex.getRequiredType()))
                + Shown.was(ex.getValue()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Set<String> allowed = ex.getSupportedMethods() == null ? Set.of() : Set.of(ex.getSupportedMethods());
        ProblemDetail problem = ex.getBody();
        problem.setDetail(ex.getMethod() + " is not allowed here; allowed: "
                + allowed.stream().sorted().collect(Collectors.joining(", ")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        ProblemDetail problem = ex.getBody();
        problem.setDetail("Send the body as " + MediaType.toString(ex.getSupportedMediaTypes())
                + (sent == null
                        ? " with a Content-Type header (there was none)"
                        : " (the Content-Type was " + Shown.text(sent) + ")"));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * The client's Accept header excludes what we write, but it still gets a problem document it can read:
     * Spring writes a {@link ProblemDetail} as {@code application/problem+json} when nothing else fits.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        ProblemDetail problem = ex.getBody();
        problem.setDetail("This endpoint answers " + MediaType.toString(ex.getSupportedMediaTypes())
                + " (and application/problem+json for errors); the Accept header asked for "
                + Shown.text(accept == null ? "nothing" : accept));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }
}
