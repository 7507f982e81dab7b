package dev.loopkeeper.intake.web;

import dev.loopkeeper.intake.InvalidSubmission;
import dev.loopkeeper.intake.WebhookIntake;
import dev.loopkeeper.intake.WebhookRefused;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey tools pushing responses, authenticated by their signatures rather than the API key: the body is taken as
 * bytes, since the signature is over exactly those bytes. A delivery that cannot be shown to come from its source is
 * a 401 problem and leaves nothing behind.
 */
@RestController
class WebhookController {

    static final URI REFUSED = URI.create("https://loopkeeper.dev/problems/webhook-signature");

    private final WebhookIntake webhooks;

    WebhookController(WebhookIntake webhooks) {
        this.webhooks = webhooks;
    }

    /** Delighted's {@code survey_response.created} and {@code .updated}; 204 for events that are not NPS responses. */
    @PostMapping(path = "/api/webhooks/delighted", consumes = "application/json", produces = "application/json")
    ResponseEntity<Accepted> delighted(
            @RequestHeader(name = "X-Delighted-Webhook-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return webhooks.delighted(signature, body == null ? new byte[0] : body)
                .map(taken -> Accepted.of(taken.result()))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** A response in our own format, signed the Standard Webhooks way by the source in the address. */
    @PostMapping(path = "/api/webhooks/{source}", consumes = "application/json", produces = "application/json")
    ResponseEntity<Accepted> standard(
            @PathVariable String source,
            @RequestHeader(name = "webhook-id", required = false) String id,
            @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return Accepted.of(webhooks.standard(source, id, timestamp, signature, body == null ? new byte[0] : body));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(WebhookRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage());
        problem.setType(REFUSED);
        problem.setTitle("Webhook refused");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidSubmission invalid) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalid.problem());
    }
}
