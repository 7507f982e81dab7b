package dev.loopkeeper.casework.web;

import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/cases/{id}}: where a case stands, for the survey tool or CRM that sent the response. */
@RestController
class CaseController {

    private final Casework casework;

    CaseController(Casework casework) {
        this.casework = casework;
    }

    @GetMapping(path = "/api/cases/{caseId}", produces = "application/json")
    CaseState get(@PathVariable UUID caseId) {
        return casework.find(caseId).map(CaseState::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId));
    }

    /** The API shape: the summary plus the due time of the next open task. */
    record CaseState(UUID caseId, String status, String segment, int score, String customerExternalId,
                     String customerName, Instant openedAt, Instant firstContactAt,
                     Instant closedAt, String lastContactOutcome, String closedAs, Instant dueAt,
                     List<CaseSummary.OpenTaskView> openTasks) {

        static CaseState of(CaseSummary c) {
            return new CaseState(c.caseId(), c.status().name().toLowerCase(), c.segment().key(), c.score(),
                    c.customerExternalId(), c.customerName(), c.openedAt(), c.firstContactAt(), c.closedAt(),
                    c.lastContactOutcome() == null ? null : c.lastContactOutcome().key(),
                    c.closedAs() == null ? null : c.closedAs().key(), c.dueAt(), c.openTasks());
        }
    }
}
