package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.casework.domain.FollowUpCase;
import dev.loopkeeper.casework.domain.OpenTask;
import dev.loopkeeper.casework.domain.OpenTasks;
import dev.loopkeeper.outreach.CustomerMessage;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.EmailDraft;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.Words;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Working a case: where it stands, the contact with the customer, an email to them, notes for colleagues. */
@Service
@Transactional
public class Casework {

    private final Cases cases;
    private final OpenTasks openTasks;
    private final CaseProgress progress;
    private final Taskwork taskwork;
    private final Outreach outreach;

    Casework(Cases cases, OpenTasks openTasks, CaseProgress progress, Taskwork taskwork, Outreach outreach) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.progress = progress;
        this.taskwork = taskwork;
        this.outreach = outreach;
    }

    @Transactional(readOnly = true)
    public Optional<CaseSummary> find(UUID caseId) {
        return cases.findById(caseId)
                .map(c -> new CaseSummary(
                        c.getId(),
                        c.getStatus(),
                        c.getSegment(),
                        c.getScore(),
                        c.getCustomerExternalId(),
                        c.getCustomerName(),
                        c.getOpenedAt(),
                        c.getFirstContactAt(),
                        c.getClosedAt(),
                        c.getLastContactOutcome(),
                        c.getClosedAs(),
                        openTasks.findByCaseId(caseId).stream()
                                .sorted(Comparator.comparing(OpenTask::getCreatedAt))
                                .map(t -> new CaseSummary.OpenTaskView(
                                        t.getId(),
                                        t.getTaskKey(),
                                        t.getName(),
                                        t.getCandidateGroup(),
                                        t.getAssignee(),
                                        t.getDueAt()))
                                .toList()));
    }

    /** Whether the customer has a case whose loop is still running (a survey would ask them twice). */
    public boolean hasOpenCase(String customerExternalId) {
        return progress.hasOpenCase(customerExternalId);
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
            throw new TaskNotAvailable("This task is not a contact task", Words.of("casework.refused.not-contact"));
        }
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.CHANNEL_USED, report.channel().key());
        values.put(Vars.CONTACT_OUTCOME, report.outcome().key());
        values.put(Vars.CONTACT_NOTES, report.notes());
        taskwork.completeTask(taskId, values, actor);
    }

    /**
     * The template an agent most likely starts an email from: thanks for a promoter; for anyone else, "we tried
     * to reach you" while the contact is the task at hand, else the acknowledgement.
     */
    public MessageStep suggestedEmail(CaseFile file, String taskKey) {
        if (file.segment() == Segment.PROMOTER) {
            return MessageStep.THANK_YOU;
        }
        return ClosedLoop.CONTACT_CUSTOMER.equals(taskKey) ? MessageStep.RETRY : MessageStep.ACKNOWLEDGEMENT;
    }

    /** What the step's template would say to the case's customer, for an agent to edit. */
    @Transactional(readOnly = true)
    public EmailDraft draftEmail(UUID caseId, MessageStep step) {
        FollowUpCase c = followUp(caseId);
        return outreach.draft(new CustomerMessage(
                "preview",
                caseId,
                step,
                c.getSegment(),
                c.getCustomerName(),
                c.getCustomerEmail(),
                Map.of(),
                c.getCustomerLanguage()));
    }

    /**
     * Sends an agent's email to the case's customer, logged on the case like every message. Outside a
     * transaction: outreach writes its log in transactions of its own, and no connection waits on the mail server.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void sendEmail(UUID caseId, EmailDraft email) {
        FollowUpCase c = followUp(caseId);
        outreach.emailWritten(
                DeliveryKey.ofCase(caseId, "agent", UUID.randomUUID()),
                null,
                c.getCustomerEmail(),
                c.getCustomerName(),
                email.subject(),
                email.text());
    }

    private FollowUpCase followUp(UUID caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
    }
}
