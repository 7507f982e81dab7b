package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Messages;
import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.insight.FixReleased;
import dev.loopkeeper.outreach.CustomerReplied;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns what other modules report into the messages the closed loop waits for. */
@Component
class ProcessMessages {

    private static final Logger log = LoggerFactory.getLogger(ProcessMessages.class);

    private final RuntimeService runtime;
    private final CaseProgress progress;
    private final FixAnnouncement announcement;

    ProcessMessages(RuntimeService runtime, CaseProgress progress, FixAnnouncement announcement) {
        this.runtime = runtime;
        this.progress = progress;
        this.announcement = announcement;
    }

    /**
     * A customer answered our outreach. The case moves on if it waits for a reply; a reply at any other
     * moment (or a second click on the same link) is recorded on the case and changes nothing else.
     */
    @EventListener
    @Transactional
    void on(CustomerReplied reply) {
        if (!progress.recordReply(reply.caseId(), reply.at())) {
            log.warn("Reply for case {}, which does not exist; ignored", reply.caseId());
            return;
        }
        runtime.createMessageCorrelation(Messages.CUSTOMER_REPLIED)
                .processInstanceBusinessKey(reply.caseId().toString())
                .correlateAll();
    }

    /**
     * An improvement action's fix is out: every case waiting on it moves on to tell its customer; the other linked
     * cases' customers and everyone who worked on them are told directly.
     */
    @EventListener
    void on(FixReleased fix) {
        runtime.createMessageCorrelation(Messages.FIX_RELEASED)
                .processInstanceVariableEquals(
                        Vars.IMPROVEMENT_ACTION_ID, fix.actionId().toString())
                .correlateAll();
        announcement.tellEveryone(fix);
    }
}
