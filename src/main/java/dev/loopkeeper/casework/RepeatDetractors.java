package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Messages;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.intake.FeedbackReceived;
import dev.loopkeeper.intake.OpenCases;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * A customer who scores low again while their case is open, or after a case in which nobody ever reached them, is
 * not a second, unrelated case: the open case takes the response and rises in priority, and its process tells the
 * supervisors ({@code priority-raised}).
 */
@Component
class RepeatDetractors implements OpenCases {

    private final Cases cases;
    private final CaseProgress progress;
    private final OpenTasks openTasks;
    private final TaskService tasks;
    private final RuntimeService runtime;

    RepeatDetractors(
            Cases cases, CaseProgress progress, OpenTasks openTasks, TaskService tasks, RuntimeService runtime) {
        this.cases = cases;
        this.progress = progress;
        this.openTasks = openTasks;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The customer's open case, unless it is a promoter's (a thank-you is no place for a complaint). */
    @Override
    public Optional<UUID> joinedBy(String customerExternalId) {
        return cases.findFirstByCustomerExternalIdAndStatusAndSegmentNotOrderByOpenedAtDesc(
                        customerExternalId, CaseStatus.OPEN, Segment.PROMOTER)
                .map(FollowUpCase::getId);
    }

    /** The response joined the open case it names. */
    void joined(FeedbackReceived response) {
        progress.recordRepeat(response.joins(), response);
        raise(response.joins());
    }

    /** A new detractor case: high priority at once if the customer has had cases and was never reached in any. */
    void opened(UUID caseId, FeedbackReceived response) {
        String customer = response.customer().externalId();
        if (response.segment() == Segment.DETRACTOR
                && response.customer().returning()
                && cases.existsByCustomerExternalIdAndClosedAs(customer, CaseOutcome.UNREACHABLE)
                && !cases.existsByCustomerExternalIdAndFirstContactAtNotNull(customer)) {
            progress.raisePriority(caseId);
            raise(caseId);
        }
    }

    private void raise(UUID caseId) {
        openTasks
                .findByCaseId(caseId)
                .forEach(task -> tasks.setPriority(task.getId(), CasePriority.HIGH.taskPriority()));
        // an instance of a model from before the message waits for none: the case's priority rises all the same
        runtime.createMessageCorrelation(Messages.PRIORITY_RAISED)
                .processInstanceBusinessKey(caseId.toString())
                .correlateAll();
    }
}
