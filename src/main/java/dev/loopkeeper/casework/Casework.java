package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.sharedkernel.Actor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working a case: where it stands, the contact with the customer, notes for colleagues. */
@Service
@Transactional
public class Casework {

    private final Cases cases;
    private final OpenTasks openTasks;
    private final CaseProgress progress;
    private final Taskwork taskwork;

    Casework(Cases cases, OpenTasks openTasks, CaseProgress progress, Taskwork taskwork) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.progress = progress;
        this.taskwork = taskwork;
    }

    @Transactional(readOnly = true)
    public Optional<CaseSummary> find(UUID caseId) {
        return cases.findById(caseId).map(c -> new CaseSummary(c.getId(), c.getStatus(), c.getSegment(),
                c.getScore(), c.getCustomerExternalId(), c.getCustomerName(), c.getOpenedAt(), c.getFirstContactAt(),
                c.getClosedAt(), c.getLastContactOutcome(), c.getClosedAs(),
                openTasks.findByCaseId(caseId).stream()
                        .sorted(Comparator.comparing(OpenTask::getCreatedAt))
                        .map(t -> new CaseSummary.OpenTaskView(t.getId(), t.getTaskKey(), t.getName(),
                                t.getCandidateGroup(), t.getAssignee(), t.getDueAt()))
                        .toList()));
    }

    /** A note for colleagues on the case. */
    public void comment(UUID caseId, String text, Actor actor) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Write something first");
        }
        if (text.length() > 4000) {
            throw new IllegalArgumentException("Comments are limited to 4000 characters");
        }
        if (!cases.existsById(caseId)) {
            throw new IllegalArgumentException("No case " + caseId);
        }
        progress.comment(caseId, actor.userId(), text.strip());
    }

    /** Logs a contact attempt on the "Contact customer" task; the process decides what follows. */
    public void completeContact(String taskId, ContactReport report, Actor actor) {
        OpenTask task = openTasks.findById(taskId).orElseThrow(TaskNotAvailable::gone);
        if (!ClosedLoop.CONTACT_CUSTOMER.equals(task.getTaskKey())) {
            throw new TaskNotAvailable("This task is not a contact task");
        }
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.CHANNEL_USED, report.channel().key());
        values.put(Vars.CONTACT_OUTCOME, report.outcome().key());
        values.put(Vars.CONTACT_NOTES, report.notes());
        taskwork.completeTask(taskId, values, actor);
    }
}
