package dev.loopkeeper.intake;

import dev.loopkeeper.intake.domain.Customer;
import dev.loopkeeper.intake.domain.Customers;
import dev.loopkeeper.intake.domain.FeedbackResponse;
import dev.loopkeeper.intake.domain.FeedbackResponses;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a survey response into a case. Customer, response, case and process start happen in one
 * transaction: either all of them exist afterwards or none does.
 */
@Service
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    private final Customers customers;
    private final FeedbackResponses responses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CaseIntake(Customers customers, FeedbackResponses responses, ApplicationEventPublisher events,
               PlatformTransactionManager transactionManager, Clock clock) {
        this.customers = customers;
        this.responses = responses;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Stores the response and opens its case, or returns the case opened for the same
     * (source, source event id) before.
     */
    public IntakeResult receive(ResponseSubmission submission) {
        try {
            return transaction.execute(status -> receiveOnce(submission));
        } catch (DataIntegrityViolationException race) {
            // A concurrent request stored the same event (or the same new customer) between our read
            // and our insert. Its transaction has committed now, so a second pass sees its rows.
            log.debug("Intake raced on {}/{}; trying once more", submission.source(), submission.sourceEventId());
            return transaction.execute(status -> receiveOnce(submission));
        }
    }

    private IntakeResult receiveOnce(ResponseSubmission submission) {
        var known = responses.findIdBySourceEvent(submission.source(), submission.sourceEventId());
        if (known.isPresent()) {
            return new IntakeResult(known.get(), false);
        }
        Instant now = clock.instant();
        Customer customer = upsert(submission.customer(), now);
        FeedbackResponse response = responses.saveAndFlush(new FeedbackResponse(
                submission.source(), submission.sourceEventId(), customer, submission.score(),
                submission.comment(), submission.respondedAt(), now, submission.properties()));
        events.publishEvent(received(response, customer));
        return new IntakeResult(response.getId(), true);
    }

    private Customer upsert(CustomerDetails details, Instant now) {
        Customer customer = customers.findByExternalId(details.externalId())
                .orElseGet(() -> new Customer(details.externalId(), now));
        customer.update(details, now);
        return customers.saveAndFlush(customer);
    }

    private static FeedbackReceived received(FeedbackResponse response, Customer customer) {
        return new FeedbackReceived(response.getId(), response.getSource(), response.getRespondedAt(),
                response.getReceivedAt(), response.getScore(), response.getSegment(), response.getComment(),
                new FeedbackReceived.Customer(customer.getExternalId(), customer.getName(), customer.getEmail(),
                        customer.getPhone(), customer.getPreferredChannel(), customer.getTier(),
                        customer.getLifetimeValue()),
                response.getProperties());
    }
}
