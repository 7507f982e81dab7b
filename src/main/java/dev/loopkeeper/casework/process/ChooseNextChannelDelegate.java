package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.sharedkernel.Channel;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ChooseNextChannel}: after an unanswered attempt, the next channel in the order phone → email →
 * SMS that the customer has an address for and that has not proven wrong; the same channel again if it is
 * the only one left; none if every channel is wrong.
 */
@Component("chooseNextChannelDelegate")
class ChooseNextChannelDelegate implements JavaDelegate {

    static final List<Channel> ORDER = List.of(Channel.PHONE, Channel.EMAIL, Channel.SMS);

    private final CaseProgress progress;

    ChooseNextChannelDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        CustomerContact customer = progress.customerOf(loop.caseId());
        String last = loop.text(Vars.CHANNEL);
        List<String> invalid = RecordContactAttemptListener.invalidChannels(execution);
        Channel next = next(
                last == null ? null : Channel.valueOf(last.toUpperCase()),
                c -> customer.has(c) && !invalid.contains(c.key()));
        execution.setVariable(Vars.CHANNEL, next == null ? null : next.key());
        // the next contact form offers it as the channel to use, and starts without the last attempt's answers
        execution.setVariable(Vars.CHANNEL_USED, next == null ? null : next.key());
        // (null rather than removed: the gateways after the loop still read the outcome)
        execution.setVariable(Vars.CONTACT_OUTCOME, null);
        execution.setVariable(Vars.CONTACT_NOTES, null);
    }

    static Channel next(Channel last, Predicate<Channel> usable) {
        int start = last == null ? -1 : ORDER.indexOf(last);
        for (int step = 1; step <= ORDER.size(); step++) {
            Channel candidate = ORDER.get((start + step) % ORDER.size());
            if (usable.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
