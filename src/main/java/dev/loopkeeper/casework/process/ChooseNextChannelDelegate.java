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
 * {@code Task_ChooseNextChannel}: after an unanswered attempt, the next channel in the policy's channel order
 * (phone → email → SMS where it names none) that the customer has an address for and that has not proven wrong;
 * the same channel again if it is the only one left; none if every channel is wrong.
 */
@Component("chooseNextChannelDelegate")
class ChooseNextChannelDelegate implements JavaDelegate {

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
                loop.channelOrder(),
                last == null ? null : Channel.valueOf(last.toUpperCase()),
                c -> customer.has(c) && !invalid.contains(c.key()));
        execution.setVariable(Vars.CHANNEL, next == null ? null : next.key());
        // the next contact form offers it as the channel to use, and starts without the last attempt's answers
        execution.setVariable(Vars.CHANNEL_USED, next == null ? null : next.key());
        // (null rather than removed: the gateways after the loop still read the outcome)
        execution.setVariable(Vars.CONTACT_OUTCOME, null);
        execution.setVariable(Vars.CONTACT_NOTES, null);
        execution.removeVariables(
                List.of(Vars.NEXT_CONTACT_AT, Vars.POINT_OF_CONTACT, Vars.REMEDY_TYPE, Vars.REMEDY_AMOUNT));
    }

    /** The channel after the last one in the order (from the start if the last is not in it) that is usable. */
    static Channel next(List<Channel> order, Channel last, Predicate<Channel> usable) {
        int start = last == null ? -1 : order.indexOf(last);
        for (int step = 1; step <= order.size(); step++) {
            Channel candidate = order.get(Math.floorMod(start + step, order.size()));
            if (usable.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
