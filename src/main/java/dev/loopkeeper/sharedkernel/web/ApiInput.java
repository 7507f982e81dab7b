package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The API's rules for input that is not one request body bound by Spring MVC: an element of a batch, a signed
 * webhook's body (read as bytes, since the signature is over them), a row of a CSV file, another tool's payload
 * mapped to ours. The same literal reading as {@link StrictApiJson} and the same Bean Validation constraints as a
 * controller's {@code @Valid @RequestBody}, with the same words in the problems: one way in, whatever the door.
 */
@Component
public class ApiInput {

    /** What came of reading or checking one value: the value, or the 400 problem document that says why not. */
    public record Checked<T>(T value, ProblemDetail problem) {

        public boolean valid() {
            return problem == null;
        }

        /** The problem's field problems; one without a field when the problem is about the whole value. */
        @SuppressWarnings("unchecked")
        public List<FieldProblem> problems() {
            if (problem == null) {
                return List.of();
            }
            Map<String, Object> properties = problem.getProperties();
            return properties != null && properties.get("errors") instanceof List<?> errors
                    ? (List<FieldProblem>) errors
                    : List.of(new FieldProblem("", problem.getDetail()));
        }
    }

    private final ObjectMapper strict;
    private final SpringValidatorAdapter validator;

    ApiInput(ObjectMapper shared, Validator validator) {
        this.strict = StrictApiJson.strict(shared.copy());
        this.validator = new SpringValidatorAdapter(validator);
    }

    /** A whole body, read with the API's strict rules (one JSON object, nothing after it), then validated. */
    public <T> Checked<T> read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            return new Checked<>(null, ApiProblems.invalid("The request body is empty: send a JSON object"));
        }
        try {
            return check(strict.readerFor(type).readValue(body));
        } catch (IOException unreadable) {
            return new Checked<>(null, UnreadableBody.problem(unreadable));
        }
    }

    /** A JSON tree read with the API's strict rules, then validated. */
    public <T> Checked<T> read(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            return new Checked<>(
                    null,
                    ApiProblems.invalid("Each element must be a JSON object (was "
                            + (node == null || node.isNull()
                                    ? "null"
                                    : node.getNodeType().name().toLowerCase()) + ")"));
        }
        try {
            return check(strict.readerFor(type).readValue(strict.treeAsTokens(node)));
        } catch (IOException unreadable) {
            return new Checked<>(null, UnreadableBody.problem(unreadable));
        }
    }

    /** A value built by our code from someone else's data (a CSV row, a survey tool's payload), validated. */
    public <T> Checked<T> check(T value) {
        if (value == null) {
            return new Checked<>(null, ApiProblems.invalid("The request body is empty: send a JSON object"));
        }
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(value, "input");
        validator.validate(value, result);
        List<FieldProblem> problems = ApiProblems.problemsOf(result);
        return problems.isEmpty() ? new Checked<>(value, null) : new Checked<>(null, ApiProblems.invalid(problems));
    }

    /** The 400 problem document the API answers for these field problems. */
    public ProblemDetail invalid(List<FieldProblem> problems) {
        return ApiProblems.invalid(problems);
    }

    /** What was sent, quoted as our problem documents quote it: shortened, invisible characters spelled out. */
    public static String was(Object value) {
        return Shown.was(value);
    }
}
