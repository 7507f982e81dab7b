package dev.loopkeeper.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** Whether a member of staff is away, and who said so when. */
@Entity
public class StaffAvailability {

    @Id
    private String userId;

    private boolean away;
    private String note;

    @Column(nullable = false)
    private String changedBy;

    @Column(nullable = false)
    private Instant changedAt;

    protected StaffAvailability() {}

    public StaffAvailability(String userId) {
        this.userId = userId;
    }

    public void set(boolean away, String note, String by, Instant at) {
        this.away = away;
        this.note = note;
        this.changedBy = by;
        this.changedAt = at;
    }

    public String getUserId() {
        return userId;
    }

    public boolean isAway() {
        return away;
    }

    public String getNote() {
        return note;
    }
}
