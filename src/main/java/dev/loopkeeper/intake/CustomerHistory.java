package dev.loopkeeper.intake;

import dev.loopkeeper.intake.domain.FeedbackResponse;
import dev.loopkeeper.intake.domain.FeedbackResponses;
import dev.loopkeeper.intake.domain.ResponseRows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a customer has told us over time. */
@Service
@Transactional(readOnly = true)
public class CustomerHistory {

    private final FeedbackResponses responses;
    private final ResponseRows rows;

    CustomerHistory(FeedbackResponses responses, ResponseRows rows) {
        this.responses = responses;
        this.rows = rows;
    }

    /** What survey tools changed in the response after it arrived, oldest first. */
    public List<ResponseRevision> revisionsOf(UUID responseId) {
        return rows.revisionsOf(responseId).stream()
                .map(r -> new ResponseRevision(
                        r.responseId(),
                        r.revisedAt(),
                        r.scoreBefore(),
                        r.scoreAfter(),
                        r.commentBefore(),
                        r.commentAfter()))
                .toList();
    }

    /** The customer's responses, oldest first (at most the last 50). */
    public List<PastResponse> responsesOf(String customerExternalId) {
        List<PastResponse> latest = new ArrayList<>(
                responses.findTop50ByCustomerExternalIdOrderByRespondedAtDesc(customerExternalId).stream()
                        .map(CustomerHistory::past)
                        .toList());
        Collections.reverse(latest);
        return latest;
    }

    /** Every response of the customer (up to the last 500), oldest first: the customer's page. */
    public List<PastResponse> allResponsesOf(String customerExternalId) {
        List<PastResponse> latest = new ArrayList<>(
                responses.findTop500ByCustomerExternalIdOrderByRespondedAtDesc(customerExternalId).stream()
                        .map(CustomerHistory::past)
                        .toList());
        Collections.reverse(latest);
        return latest;
    }

    public Optional<PastResponse> response(UUID responseId) {
        return responses.findById(responseId).map(CustomerHistory::past);
    }

    private static PastResponse past(FeedbackResponse r) {
        return new PastResponse(
                r.getId(),
                r.getSource(),
                r.getRespondedAt(),
                r.getScore(),
                r.getSegment(),
                r.getComment(),
                r.getProperties(),
                r.isHistory());
    }
}
