package dev.loopkeeper.insight.domain;

import dev.loopkeeper.insight.ImprovementStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A change that removes a root cause many customers share, with an owner and a deadline. */
@Entity
public class ImprovementAction {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    private String description;
    private String rootCause;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImprovementStatus status;

    private String processInstanceId;
    private String implementationSummary;
    private String verificationNotes;

    @Column(nullable = false)
    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant implementedAt;
    private Instant verifiedAt;
    private Instant announcedAt;

    /** The theme it fixes, if it started from one: new responses of that theme join it while it is open. */
    private UUID themeId;

    private String expectedImpact;

    @Version
    private int version;

    protected ImprovementAction() {}

    public ImprovementAction(
            String title,
            String description,
            String rootCause,
            String owner,
            Instant deadline,
            String createdBy,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.description = description;
        this.rootCause = rootCause;
        this.owner = owner;
        this.deadline = deadline;
        this.status = ImprovementStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void about(UUID themeId, String expectedImpact) {
        this.themeId = themeId;
        this.expectedImpact = expectedImpact;
    }

    public void drivenBy(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void implemented(String summary, Instant at) {
        implementationSummary = summary;
        implementedAt = at;
        status = ImprovementStatus.IMPLEMENTED;
    }

    public void verified(boolean works, String notes, Instant at) {
        verificationNotes = notes;
        if (works) {
            verifiedAt = at;
            status = ImprovementStatus.VERIFIED;
        } else {
            status = ImprovementStatus.OPEN;
        }
    }

    public void announced(Instant at) {
        announcedAt = at;
        status = ImprovementStatus.ANNOUNCED;
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getRootCause() {
        return rootCause;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public ImprovementStatus getStatus() {
        return status;
    }

    public String getImplementationSummary() {
        return implementationSummary;
    }

    public String getVerificationNotes() {
        return verificationNotes;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAnnouncedAt() {
        return announcedAt;
    }

    public Instant getImplementedAt() {
        return implementedAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public UUID getThemeId() {
        return themeId;
    }

    public String getExpectedImpact() {
        return expectedImpact;
    }
}
