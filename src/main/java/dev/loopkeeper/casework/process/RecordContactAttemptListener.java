package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.sharedkernel.Channel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        Channel channel = Channel.valueOf(CaseOf.string(task, Vars.CHANNEL_USED).toUpperCase());
        ContactOutcome outcome = ContactOutcome.ofKey(CaseOf.string(task, Vars.CONTACT_OUTCOME));
        String agent = CaseOf.actorOf(task);
        int attempts = progress.recordAttempt(CaseOf.scope(task), channel, outcome,
                CaseOf.string(task, Vars.CONTACT_NOTES), agent);
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

    static List<String> invalidChannels(org.camunda.bpm.engine.delegate.VariableScope scope) {
        String invalid = CaseOf.string(scope, Vars.INVALID_CHANNELS);
        return invalid == null || invalid.isBlank() ? List.of() : List.of(invalid.split(","));
    }
}
