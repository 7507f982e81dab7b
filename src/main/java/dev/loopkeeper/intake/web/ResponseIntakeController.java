package dev.loopkeeper.intake.web;

import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.ResponseSubmission;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/responses}: 201 with the new case, 200 with the existing one for a repeated event. */
@RestController
class ResponseIntakeController {

    private final CaseIntake intake;

    ResponseIntakeController(CaseIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/responses", consumes = "application/json", produces = "application/json")
    ResponseEntity<Accepted> receive(@Valid @RequestBody ResponseSubmission submission) {
        return Accepted.of(intake.receive(submission));
    }
}
