package dev.loopkeeper.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Responses in, once committed, by segment and by what became of them: a new case, joined to the customer's open
 * case, or history without a case. Refused requests are the HTTP server's own metric ({@code
 * http.server.requests} by status on {@code /api/**}). No tag carries the source's name: any API client may send
 * any, and a tag's values must stay few.
 */
@Component
class IntakeRate {

    private final MeterRegistry meters;

    IntakeRate(MeterRegistry meters) {
        this.meters = meters;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(FeedbackReceived response) {
        received(response, response.joins() != null ? "joined" : "case");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(HistoryKept history) {
        history.responses().forEach(r -> received(r, "history"));
    }

    private void received(FeedbackReceived response, String became) {
        Counter.builder("loopkeeper.responses.received")
                .description("Survey responses stored")
                .tag("segment", response.segment().key())
                .tag("became", became)
                .register(meters)
                .increment();
    }
}
