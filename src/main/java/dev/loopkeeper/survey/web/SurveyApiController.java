package dev.loopkeeper.survey.web;

import dev.loopkeeper.survey.SurveyInvitationView;
import dev.loopkeeper.survey.SurveyRequest;
import dev.loopkeeper.survey.Surveys;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/surveys}: ask one customer now (a business event such as an installation done); 201 with the
 * invitation, which says whether it was sent or why a survey rule skipped it. {@code GET /api/surveys/{id}}: how it
 * went since, delivery and answer.
 */
@RestController
class SurveyApiController {

    private final Surveys surveys;

    SurveyApiController(Surveys surveys) {
        this.surveys = surveys;
    }

    @PostMapping(path = "/api/surveys", consumes = "application/json", produces = "application/json")
    ResponseEntity<SurveyInvitationView> invite(@Valid @RequestBody SurveyRequest request) {
        SurveyInvitationView invitation = surveys.invite(request);
        return ResponseEntity.created(URI.create("/api/surveys/" + invitation.invitationId()))
                .body(invitation);
    }

    @GetMapping(path = "/api/surveys/{invitationId}", produces = "application/json")
    ResponseEntity<SurveyInvitationView> find(@PathVariable UUID invitationId) {
        return ResponseEntity.of(surveys.find(invitationId));
    }
}
