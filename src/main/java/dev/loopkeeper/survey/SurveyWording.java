package dev.loopkeeper.survey;

import java.time.Instant;

/**
 * The words of a survey message in a language, as the template screen edits them.
 *
 * @param updatedBy  who saved them last; null for the words we shipped
 * @param touchpoint the touchpoint these words are for; empty: every touchpoint without words of its own
 */
public record SurveyWording(
        String language,
        SurveyMessage message,
        String emailSubject,
        String emailBody,
        String smsText,
        String updatedBy,
        Instant updatedAt,
        String touchpoint) {

    public SurveyWording {
        touchpoint = touchpoint == null ? "" : touchpoint.strip();
    }

    /** Words for every touchpoint. */
    public SurveyWording(
            String language,
            SurveyMessage message,
            String emailSubject,
            String emailBody,
            String smsText,
            String updatedBy,
            Instant updatedAt) {
        this(language, message, emailSubject, emailBody, smsText, updatedBy, updatedAt, "");
    }

    public String part(TemplatePart part) {
        return switch (part) {
            case EMAIL_SUBJECT -> emailSubject;
            case EMAIL_BODY -> emailBody;
            case SMS_TEXT -> smsText;
        };
    }

    public SurveyWording with(TemplatePart part, String text) {
        return new SurveyWording(
                language,
                message,
                part == TemplatePart.EMAIL_SUBJECT ? text : emailSubject,
                part == TemplatePart.EMAIL_BODY ? text : emailBody,
                part == TemplatePart.SMS_TEXT ? text : smsText,
                updatedBy,
                updatedAt,
                touchpoint);
    }
}
