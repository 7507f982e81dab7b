package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.InvalidTaskInput;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.sharedkernel.Channel;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * On completing "Contact customer", whoever completes it: records the attempt with any remedy given, counts it,
 * remembers who reached the customer and which channel turned out wrong. (The next contact the agent promised is
 * taken when the resolution's clock starts: it is a promise about the resolution.)
 */
@Component("recordContactAttemptListener")
class RecordContactAttemptListener implements TaskListener {

    /** The remedies the contact form offers, besides none. */
    static final List<String> REMEDIES = List.of("credit", "refund", "gift-card");

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
        int attempts = progress.recordAttempt(
                loop.caseId(), channel, outcome, loop.text(Vars.CONTACT_NOTES), agent, remedy(loop));
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

    /** The remedy the form says was given; none for "none" or no answer. The form's rules checked the amount. */
    private static CaseProgress.Remedy remedy(LoopVariables loop) {
        String type = loop.text(Vars.REMEDY_TYPE);
        if (type == null || type.isBlank() || "none".equals(type)) {
            return null;
        }
        if (!REMEDIES.contains(type)) {
            throw new InvalidTaskInput(Vars.REMEDY_TYPE, "must be one of none, " + String.join(", ", REMEDIES));
        }
        String amount = loop.text(Vars.REMEDY_AMOUNT);
        try {
            BigDecimal value = new BigDecimal(amount.strip());
            if (value.signum() <= 0 || value.scale() > 2 || value.precision() - value.scale() > 12) {
                throw new NumberFormatException();
            }
            return new CaseProgress.Remedy(type, value);
        } catch (NumberFormatException | NullPointerException notAnAmount) {
            throw new InvalidTaskInput(
                    Vars.REMEDY_AMOUNT, "must be an amount above 0 with at most 2 decimals (was " + amount + ")");
        }
    }

    static List<String> invalidChannels(VariableScope scope) {
        String invalid = LoopVariables.of(scope).text(Vars.INVALID_CHANNELS);
        return invalid == null || invalid.isBlank() ? List.of() : List.of(invalid.split(","));
    }
}
