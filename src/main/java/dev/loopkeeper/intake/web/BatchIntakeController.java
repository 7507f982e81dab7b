package dev.loopkeeper.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.IntakeResult;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.sharedkernel.web.ApiInput;
import dev.loopkeeper.sharedkernel.web.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/responses/batch}: up to 1,000 responses, each read and checked as {@code POST /api/responses}
 * would, each answered on its own. 200 when every one was taken, 207 when some were not.
 */
@RestController
class BatchIntakeController {

    static final int MOST = 1000;

    /** The body: the responses, as {@code POST /api/responses} takes each. */
    record BatchSubmission(
            @NotNull @Size(min = 1, max = MOST) List<JsonNode> responses) {}

    /** One response's answer: 201 or 200 with its case, 400 with its problems, 500 if it could not be stored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(int index, int status, UUID caseId, Boolean created, List<FieldProblem> errors) {}

    record BatchResult(int created, int existing, int refused, int failed, List<ItemResult> results) {}

    private final CaseIntake intake;
    private final ApiInput input;

    BatchIntakeController(CaseIntake intake, ApiInput input) {
        this.intake = intake;
        this.input = input;
    }

    @PostMapping(path = "/api/responses/batch", consumes = "application/json", produces = "application/json")
    ResponseEntity<BatchResult> receive(@Valid @RequestBody BatchSubmission batch) {
        List<JsonNode> items = batch.responses();
        ItemResult[] results = new ItemResult[items.size()];
        List<ResponseSubmission> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ApiInput.Checked<ResponseSubmission> read = input.read(items.get(i), ResponseSubmission.class);
            if (read.valid()) {
                valid.add(read.value());
                validIndexes.add(i);
            } else {
                results[i] = new ItemResult(i, 400, null, null, read.problems());
            }
        }
        List<Optional<IntakeResult>> stored = intake.receiveAll(valid);
        for (int v = 0; v < stored.size(); v++) {
            int i = validIndexes.get(v);
            results[i] = stored.get(v)
                    .map(r -> new ItemResult(i, r.created() ? 201 : 200, r.caseId(), r.created(), null))
                    .orElseGet(() -> new ItemResult(
                            i, 500, null, null, List.of(new FieldProblem("", "could not be stored; send it again"))));
        }
        List<ItemResult> all = List.of(results);
        int created = count(all, 201);
        int existing = count(all, 200);
        int refused = count(all, 400);
        int failed = count(all, 500);
        BatchResult body = new BatchResult(created, existing, refused, failed, all);
        return ResponseEntity.status(refused + failed == 0 ? HttpStatus.OK : HttpStatus.MULTI_STATUS)
                .body(body);
    }

    private static int count(List<ItemResult> results, int status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
