package dev.loopkeeper.survey;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.surveys.*}
 *
 * @param linkValidity    how long the links of an invitation work after it was sent
 * @param reminderAfter   the one reminder goes this long after the invitation if there is no answer; empty: none
 * @param postman         whether this node sends due invitations and reminders in the background
 * @param poll            how often it looks for them
 * @param batch           how many it takes per look
 * @param maxAttempts     sends of one invitation before it counts as FAILED
 * @param retryAfter      the pause before a failed send is tried again
 * @param defaultLanguage the language of customers nobody told us about
 * @param reviewUrl       where the promoters' thank-you page invites a review; empty: no invitation
 * @param company         our name, as survey templates say it ({@code {{company}}})
 */
@ConfigurationProperties("loopkeeper.surveys")
public record SurveySettings(
        @DefaultValue("P14D") Duration linkValidity,
        @DefaultValue("P3D") Duration reminderAfter,
        @DefaultValue("true") boolean postman,
        @DefaultValue("PT30S") Duration poll,
        @DefaultValue("200") int batch,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("PT15M") Duration retryAfter,
        @DefaultValue("en") String defaultLanguage,
        URI reviewUrl,
        @DefaultValue("Loopkeeper") String company) {

    public SurveySettings {
        reminderAfter = reminderAfter == null || reminderAfter.isZero() ? null : reminderAfter;
        reviewUrl = reviewUrl == null || reviewUrl.toString().isBlank() ? null : reviewUrl;
    }
}
