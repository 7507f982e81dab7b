package dev.loopkeeper.intake;

import dev.loopkeeper.intake.domain.Customer;
import dev.loopkeeper.intake.domain.Customers;
import dev.loopkeeper.intake.domain.FeedbackResponse;
import dev.loopkeeper.intake.domain.FeedbackResponses;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    /** Enough for twenty clients posting for one customer at the same moment (tested). */
    private static final int ATTEMPTS = 5;

    private final Customers customers;
    private final FeedbackResponses responses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EntityManager entities;

    CaseIntake(Customers customers, FeedbackResponses responses, ApplicationEventPublisher events,
               PlatformTransactionManager transactionManager, Clock clock, EntityManager entities) {
        this.customers = customers;
        this.responses = responses;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.entities = entities;
    }

    /**
     * Stores the response and opens its case, or returns the case opened for the same
     * (source, source event id) before. Concurrent submissions for one customer or one event all go
     * through: a transaction that lost a race to another runs again and sees the winner's rows.
     */
    public IntakeResult receive(ResponseSubmission submission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> receiveOnce(submission));
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !Contention.isTransient(failure)) {
                    throw failure;
                }
                log.debug("Intake of {}/{} lost a race (attempt {}): {}", submission.source(),
                        submission.sourceEventId(), attempt, failure.toString());
                pauseBefore(attempt + 1, failure);
            }
        }
    }

    /**
     * Random, growing pauses: racers that collided once should not collide again in lock step. At most
     * about 0.1 + 0.2 + 0.4 + 0.8 s in all.
     */
    private static void pauseBefore(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L << (attempt - 1)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
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

    /**
     * A customer's row is written only when the response tells us something new, and then under a row
     * lock taken before anything else is written: concurrent responses of the same customer queue for
     * it instead of failing on its version, and those that change nothing do not queue at all.
     */
    private Customer upsert(CustomerDetails details, Instant now) {
        Optional<Customer> known = customers.findByExternalId(details.externalId());
        if (known.isEmpty()) {
            Customer customer = new Customer(details.externalId(), now);
            customer.update(details, now);
            return customers.saveAndFlush(customer);
        }
        Customer customer = known.get();
        if (customer.wouldChange(details)) {
            entities.refresh(customer, LockModeType.PESSIMISTIC_WRITE);
            if (customer.update(details, now)) {
                customers.flush();
            }
        }
        return customer;
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
