package dev.loopkeeper.survey.web;

import dev.loopkeeper.survey.InvalidSurveyList;
import dev.loopkeeper.survey.SurveyLists;
import dev.loopkeeper.survey.SurveyRunView;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Surveys to a list: {@code POST /api/surveys/runs?name=...&touchpoint=...} with a CSV body starts a run (202: it is
 * sent in the background); {@code GET /api/surveys/runs/{id}} shows its progress; {@code .../pause} and
 * {@code .../resume} stop and restart it.
 */
@RestController
class SurveyRunsApiController {

    private final SurveyLists lists;

    SurveyRunsApiController(SurveyLists lists) {
        this.lists = lists;
    }

    @PostMapping(path = "/api/surveys/runs", consumes = "text/csv", produces = "application/json")
    ResponseEntity<SurveyRunView> start(@RequestParam String name, @RequestParam String touchpoint, InputStream csv) {
        SurveyRunView run = lists.start(name, touchpoint, csv, "api");
        return ResponseEntity.accepted()
                .location(URI.create("/api/surveys/runs/" + run.runId()))
                .body(run);
    }

    @GetMapping(path = "/api/surveys/runs/{runId}", produces = "application/json")
    ResponseEntity<SurveyRunView> progress(@PathVariable UUID runId) {
        return ResponseEntity.of(lists.progress(runId));
    }

    @PostMapping(path = "/api/surveys/runs/{runId}/pause", produces = "application/json")
    ResponseEntity<SurveyRunView> pause(@PathVariable UUID runId) {
        return ResponseEntity.of(lists.pause(runId));
    }

    @PostMapping(path = "/api/surveys/runs/{runId}/resume", produces = "application/json")
    ResponseEntity<SurveyRunView> resume(@PathVariable UUID runId) {
        return ResponseEntity.of(lists.resume(runId));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidSurveyList invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Invalid list");
        problem.setProperty("errors", invalid.problems());
        return ResponseEntity.badRequest().body(problem);
    }
}
