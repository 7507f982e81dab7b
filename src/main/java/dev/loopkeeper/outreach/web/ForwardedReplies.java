package dev.loopkeeper.outreach.web;

import dev.loopkeeper.outreach.CustomerReplied;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.validation.PlausibleInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{caseId}/replies}: a CRM forwards a customer's reply (behind the API key). Answers
 * 202 whether or not a case is waiting for it: outreach does not know cases, and casework ignores a reply it
 * is not waiting for.
 */
@RestController
class ForwardedReplies {

    private final Outreach outreach;

    ForwardedReplies(Outreach outreach) {
        this.outreach = outreach;
    }

    /** @param receivedAt when the customer replied; now if left out */
    record ForwardedReply(
            @NotNull Channel channel, @PlausibleInstant Instant receivedAt) {}

    record Accepted(UUID caseId, String channel, Instant receivedAt) {}

    @PostMapping(path = "/api/cases/{caseId}/replies", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted forward(@PathVariable UUID caseId, @Valid @RequestBody ForwardedReply reply) {
        CustomerReplied published = outreach.replyReceived(caseId, reply.channel(), reply.receivedAt());
        return new Accepted(caseId, published.channel().key(), published.at());
    }
}
