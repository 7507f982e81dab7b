package dev.loopkeeper.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A survey sent to a list: its invitations are sent in the background, and the run can be paused. */
@Entity
public class SurveyRun {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String touchpoint;

    private int total;
    private boolean paused;
    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected SurveyRun() {}

    public SurveyRun(String name, String touchpoint, int total, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.touchpoint = touchpoint;
        this.total = total;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTouchpoint() {
        return touchpoint;
    }

    public int getTotal() {
        return total;
    }

    public boolean isPaused() {
        return paused;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
