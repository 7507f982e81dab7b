package dev.loopkeeper.casework.web;

import dev.loopkeeper.casework.CaseAccess;
import dev.loopkeeper.casework.CaseSummary;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.identity.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/cases/{id}}: where a case stands, for the survey tool or CRM that sent the response, and for
 * Loopkeeper's users. An API client reads any case (the integrations opened them); a user reads the cases
 * the case screen would show them, and gets for any other the same 404 as for an unknown id.
 */
@RestController
class CaseController {

    private final Casework casework;
    private final CaseAccess access;
    private final CurrentUser currentUser;

    CaseController(Casework casework, CaseAccess access, CurrentUser currentUser) {
        this.casework = casework;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/api/cases/{caseId}", produces = "application/json")
    CaseState get(@PathVariable UUID caseId) {
        boolean visible = currentUser.isApiClient()
                || currentUser
                        .actor()
                        .map(actor -> access.visibleTo(caseId, actor))
                        .orElse(false);
        return (visible ? casework.find(caseId) : Optional.<CaseSummary>empty())
                .map(CaseState::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId));
    }

    /** The API shape: the summary plus the due time of the next open task. */
    record CaseState(
            UUID caseId,
            String status,
            String segment,
            int score,
            String customerExternalId,
            String customerName,
            Instant openedAt,
            Instant firstContactAt,
            Instant closedAt,
            String lastContactOutcome,
            String closedAs,
            Instant dueAt,
            List<CaseSummary.OpenTaskView> openTasks) {

        static CaseState of(CaseSummary c) {
            return new CaseState(
                    c.caseId(),
                    c.status().name().toLowerCase(),
                    c.segment().key(),
                    c.score(),
                    c.customerExternalId(),
                    c.customerName(),
                    c.openedAt(),
                    c.firstContactAt(),
                    c.closedAt(),
                    c.lastContactOutcome() == null
                            ? null
                            : c.lastContactOutcome().key(),
                    c.closedAs() == null ? null : c.closedAs().key(),
                    c.dueAt(),
                    c.openTasks());
        }
    }
}
