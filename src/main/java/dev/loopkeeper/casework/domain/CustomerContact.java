package dev.loopkeeper.casework.domain;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.UUID;

/**
 * The customer of a case as the outreach steps need them.
 *
 * @param preferredChannel how they said they would like to be contacted, if they did
 * @param language         the language their messages are written in; none for the default
 */
public record CustomerContact(
        UUID caseId,
        String name,
        String email,
        String phone,
        Channel preferredChannel,
        Segment segment,
        int score,
        String comment,
        UUID improvementActionId,
        String language) {

    /** Whether the customer left an address for the channel. */
    public boolean has(Channel channel) {
        return switch (channel) {
            case PHONE, SMS -> phone != null && !phone.isBlank();
            case EMAIL -> email != null && !email.isBlank();
        };
    }

    public String addressFor(Channel channel) {
        return channel == Channel.EMAIL ? email : phone;
    }

    public String displayName() {
        return name == null || name.isBlank() ? "customer" : name;
    }
}
