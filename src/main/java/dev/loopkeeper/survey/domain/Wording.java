package dev.loopkeeper.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The words of one survey message in one language, as a process owner last saved them. */
@Entity
@Table(name = "survey_template")
public class Wording {

    @Id
    private String id;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String message;

    /** Empty for every touchpoint. */
    @Column(nullable = false)
    private String touchpoint;

    @Column(nullable = false)
    private String emailSubject;

    @Column(nullable = false)
    private String emailBody;

    @Column(nullable = false)
    private String smsText;

    private String updatedBy;
    private Instant updatedAt;

    @Version
    private int version;

    protected Wording() {}

    public Wording(
            String language,
            String message,
            String touchpoint,
            String emailSubject,
            String emailBody,
            String smsText,
            String by,
            Instant at) {
        this.id = idOf(language, message, touchpoint);
        this.language = language;
        this.message = message;
        this.touchpoint = touchpoint == null ? "" : touchpoint;
        rewrite(emailSubject, emailBody, smsText, by, at);
    }

    /** {@code de/invitation}, or {@code de/invitation/installation} for a touchpoint's own words. */
    public static String idOf(String language, String message, String touchpoint) {
        return language + "/" + message + (touchpoint == null || touchpoint.isEmpty() ? "" : "/" + touchpoint);
    }

    public void rewrite(String emailSubject, String emailBody, String smsText, String by, Instant at) {
        this.emailSubject = emailSubject;
        this.emailBody = emailBody;
        this.smsText = smsText;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getLanguage() {
        return language;
    }

    public String getMessage() {
        return message;
    }

    public String getTouchpoint() {
        return touchpoint;
    }

    public String getEmailSubject() {
        return emailSubject;
    }

    public String getEmailBody() {
        return emailBody;
    }

    public String getSmsText() {
        return smsText;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
