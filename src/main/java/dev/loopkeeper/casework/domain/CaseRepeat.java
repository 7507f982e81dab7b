package dev.loopkeeper.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A low score the customer gave again while their case was open: it joined the case instead of opening one. */
@Entity
public class CaseRepeat {

    @Id
    private UUID responseId;

    @Column(nullable = false)
    private UUID caseId;

    private int score;
    private String comment;
    private String touchpoint;

    @Column(nullable = false)
    private Instant receivedAt;

    protected CaseRepeat() {}

    public CaseRepeat(UUID responseId, UUID caseId, int score, String comment, String touchpoint, Instant receivedAt) {
        this.responseId = responseId;
        this.caseId = caseId;
        this.score = score;
        this.comment = comment;
        this.touchpoint = touchpoint;
        this.receivedAt = receivedAt;
    }

    public UUID getResponseId() {
        return responseId;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public String getTouchpoint() {
        return touchpoint;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
