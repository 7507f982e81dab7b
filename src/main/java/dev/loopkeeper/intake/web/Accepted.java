package dev.loopkeeper.intake.web;

import dev.loopkeeper.intake.IntakeResult;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What intake answers for one response: its case, and whether this request opened it.
 *
 * @param created false when the same (source, source event id) had arrived before
 */
record Accepted(UUID caseId, boolean created) {

    /** 201 with the new case, 200 with the case opened before; its address either way. */
    static ResponseEntity<Accepted> of(IntakeResult result) {
        URI location = URI.create("/api/cases/" + result.caseId());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(new Accepted(result.caseId(), result.created()));
    }
}
