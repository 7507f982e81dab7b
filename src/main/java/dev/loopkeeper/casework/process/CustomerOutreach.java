package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.domain.CustomerContact;
import dev.loopkeeper.outreach.CustomerMessage;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.sharedkernel.Channel;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sends a step's message to a case's customer on a channel; a phone call is an agent's job, not ours. */
@Component
class CustomerOutreach {

    private final Outreach outreach;

    CustomerOutreach(Outreach outreach) {
        this.outreach = outreach;
    }

    /**
     * @param key unique per message: a retried job sends the same key, and outreach sends it once
     * @return whether a message went out (false for phone, or a channel the customer has no address for)
     */
    boolean send(
            CustomerContact customer, MessageStep step, Channel channel, DeliveryKey key, Map<String, Object> extra) {
        if (channel == Channel.PHONE || !customer.has(channel)) {
            return false;
        }
        CustomerMessage message = new CustomerMessage(
                key.value(),
                customer.caseId(),
                step,
                customer.segment(),
                customer.name(),
                customer.addressFor(channel),
                Map.copyOf(extra),
                customer.language());
        if (channel == Channel.EMAIL) {
            outreach.email(message);
        } else {
            outreach.sms(message);
        }
        return true;
    }

    /** Email if the customer has an address, else SMS if they have a phone. */
    boolean sendWritten(CustomerContact customer, MessageStep step, DeliveryKey key, Map<String, Object> extra) {
        return send(customer, step, Channel.EMAIL, key, extra) || send(customer, step, Channel.SMS, key, extra);
    }
}
