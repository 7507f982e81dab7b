package dev.loopkeeper.sla;

import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.CaseSummary.OpenTaskView;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.ContactReport;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationContext;

/**
 * Cases in the states supervisors look at — open, breached, reached — made through the real intake and
 * process, with the engine's clock moved instead of waiting (tests run with the job executor off).
 */
final class CaseScenes {

    private final CaseIntake intake;
    private final Casework casework;
    private final Taskwork taskwork;
    private final RuntimeService runtime;
    private final ManagementService management;

    CaseScenes(ApplicationContext context) {
        this.intake = context.getBean(CaseIntake.class);
        this.casework = context.getBean(Casework.class);
        this.taskwork = context.getBean(Taskwork.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.management = context.getBean(ManagementService.class);
    }

    /** A fresh case of an EMEA customer, waiting in "Contact customer". */
    UUID open(int score, String name) {
        return intake.receive(TestResponses.customer(
                        score,
                        name,
                        "standard",
                        "EMEA",
                        "x@example.com",
                        "+34 600 000 000",
                        "Waited 40 minutes on the hotline"))
                .caseId();
    }

    /** A case whose contact SLA has just passed, with its review open for supervisors. */
    UUID breached(int score, String name) {
        UUID caseId = open(score, name);
        String pi = processInstanceOf(caseId);
        Job timer = management
                .createJobQuery()
                .processInstanceId(pi)
                .activityId(ClosedLoop.SLA_BREACHED)
                .singleResult();
        Instant back = ClockUtil.now().toInstant();
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(timer.getId());
        management
                .createJobQuery()
                .processInstanceId(pi)
                .activityId(ClosedLoop.SEND_SUPERVISOR_ALERTS)
                .list()
                .forEach(job -> runQuietly(job.getId()));
        ClockUtil.setCurrentTime(Date.from(back));
        return caseId;
    }

    String processInstanceOf(UUID caseId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult()
                .getId();
    }

    private void runQuietly(String jobId) {
        try {
            management.executeJob(jobId);
        } catch (RuntimeException mailServerAbsent) {
            // the alert's email fails without a mail server; the review task exists all the same
        }
    }

    String reviewOf(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().stream()
                .filter(t -> t.taskKey().equals(ClosedLoop.REVIEW_ESCALATION))
                .findFirst()
                .orElseThrow()
                .taskId();
    }

    OpenTaskView contactOf(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().stream()
                .filter(t -> t.taskKey().equals(ClosedLoop.CONTACT_CUSTOMER))
                .findFirst()
                .orElseThrow();
    }

    void reach(UUID caseId, Actor agent) {
        String task = contactOf(caseId).taskId();
        taskwork.claim(task, agent);
        casework.completeContact(task, new ContactReport(Channel.PHONE, ContactOutcome.REACHED, null), agent);
    }

    static void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(duration)));
    }
}
