package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.casework.LoopVariables;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.sharedkernel.Channel;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ChooseFirstChannel}: the first attempt goes by the customer's preferred channel when they gave one
 * that the policy's channel order allows and we have an address for; otherwise by the first channel of the order
 * the customer has an address for (the order's first if they have none).
 */
@Component("chooseFirstChannelDelegate")
class ChooseFirstChannelDelegate implements JavaDelegate {

    private final CaseProgress progress;

    ChooseFirstChannelDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoopVariables loop = LoopVariables.of(execution);
        Channel first = first(progress.customerOf(loop.caseId()), loop.channelOrder());
        execution.setVariable(Vars.CHANNEL, first.key());
        // the contact form offers it as the channel to use
        execution.setVariable(Vars.CHANNEL_USED, first.key());
    }

    static Channel first(CustomerContact customer, List<Channel> order) {
        Channel preferred = customer.preferredChannel();
        if (preferred != null && order.contains(preferred) && customer.has(preferred)) {
            return preferred;
        }
        return order.stream().filter(customer::has).findFirst().orElse(order.get(0));
    }
}
