package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.sharedkernel.Channel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * On completing "Contact customer", whoever completes it: records the attempt, counts it, remembers who
 * reached the customer and which channel turned out wrong.
 */
@Component("recordContactAttemptListener")
class RecordContactAttemptListener implements TaskListener {

    private final CaseProgress progress;

    RecordContactAttemptListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        LoopVariables loop = LoopVariables.of(task);
        Channel channel = Channel.valueOf(loop.text(Vars.CHANNEL_USED).toUpperCase());
        ContactOutcome outcome = ContactOutcome.ofKey(loop.text(Vars.CONTACT_OUTCOME));
        String agent = CompletedBy.of(task);
        int attempts = progress.recordAttempt(loop.caseId(), channel, outcome, loop.text(Vars.CONTACT_NOTES), agent);
        task.getExecution().setVariable(Vars.ATTEMPTS, attempts);
        task.getExecution().setVariable(Vars.CHANNEL, channel.key());
        if (outcome == ContactOutcome.REACHED) {
            task.getExecution().setVariable(Vars.CONTACT_AGENT, agent);
        }
        if (outcome == ContactOutcome.WRONG_CONTACT_DETAILS) {
            Set<String> invalid = new LinkedHashSet<>(invalidChannels(task));
            invalid.add(channel.key());
            if (channel != Channel.EMAIL) {
                // phone and SMS share the number: a wrong number rules out both
                invalid.add(Channel.PHONE.key());
                invalid.add(Channel.SMS.key());
            }
            task.getExecution().setVariable(Vars.INVALID_CHANNELS, String.join(",", invalid));
        }
    }

    static List<String> invalidChannels(VariableScope scope) {
        String invalid = LoopVariables.of(scope).text(Vars.INVALID_CHANNELS);
        return invalid == null || invalid.isBlank() ? List.of() : List.of(invalid.split(","));
    }
}
