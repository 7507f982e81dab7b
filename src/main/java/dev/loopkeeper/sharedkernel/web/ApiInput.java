package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The API's rules for input that is not one request body: an element of a batch, a row of a CSV file, another
 * tool's payload mapped to ours. The same literal reading as {@link StrictApiJson} and the same Bean Validation
 * constraints as a controller's {@code @Valid @RequestBody}, with the same words in the problems: one way in,
 * whatever the door.
 */
@Component
public class ApiInput {

    /** What came of reading (or checking) one value: the value, or what is wrong with it (never both). */
    public record Checked<T>(T value, List<FieldProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final ObjectMapper strict;
    private final SpringValidatorAdapter validator;

    ApiInput(ObjectMapper shared, Validator validator) {
        this.strict = StrictApiJson.strict(shared.copy());
        this.validator = new SpringValidatorAdapter(validator);
    }

    /** A JSON tree read with the API's strict rules, then validated. */
    public <T> Checked<T> read(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            return new Checked<>(null, List.of(new FieldProblem("", "must be a JSON object (was "
                    + (node == null || node.isNull() ? "null" : node.getNodeType().name().toLowerCase()) + ")")));
        }
        ObjectReader reader = strict.readerFor(type);
        T value;
        try {
            value = reader.readValue(strict.treeAsTokens(node));
        } catch (IOException unreadable) {
            return new Checked<>(null, problemsOf(UnreadableBody.problem(unreadable)));
        }
        return check(value);
    }

    /** A value built by our code from someone else's data (a CSV row, a survey tool's payload), validated. */
    public <T> Checked<T> check(T value) {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(value, "input");
        validator.validate(value, result);
        List<FieldProblem> problems = ApiProblems.problemsOf(result);
        return problems.isEmpty() ? new Checked<>(value, List.of()) : new Checked<>(null, problems);
    }

    /** The 400 problem document the API answers for these field problems. */
    public ProblemDetail invalid(List<FieldProblem> problems) {
        return ApiProblems.invalid(problems);
    }

    /** What was sent, quoted as our problem documents quote it: shortened, invisible characters spelled out. */
    public static String was(Object value) {
        return Shown.was(value);
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> problemsOf(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors) {
            return (List<FieldProblem>) errors;
        }
        return List.of(new FieldProblem("", problem.getDetail()));
    }
}
