package dev.loopkeeper.outreach;

import dev.loopkeeper.sharedkernel.Channel;

/**
 * What a delivery went out through: a channel to the customer, or a tool the staff use (a chat, the help desk). The
 * delivery log stores its name, so a customer's channels and the staff's tools share one send-once protocol.
 */
public enum Medium {
    PHONE,
    EMAIL,
    SMS,
    SLACK,
    TEAMS,
    HELP_DESK;

    public static Medium of(Channel channel) {
        return valueOf(channel.name());
    }

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }
}
