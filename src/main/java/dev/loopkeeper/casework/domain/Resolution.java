package dev.loopkeeper.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** What was found and done once the customer was reached: summary, root cause and its five whys. */
@Entity
public class Resolution {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID caseId;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String rootCause;

    private String why1;
    private String why2;
    private String why3;
    private String why4;
    private String why5;
    private boolean fixedNow;
    private boolean systemic;
    private UUID improvementActionId;

    @Column(nullable = false)
    private String loggedBy;

    @Column(nullable = false)
    private Instant loggedAt;

    protected Resolution() {}

    public Resolution(
            UUID caseId,
            String summary,
            String rootCause,
            List<String> whys,
            boolean fixedNow,
            boolean systemic,
            UUID improvementActionId,
            String loggedBy,
            Instant loggedAt) {
        if (whys.size() > 5) {
            throw new IllegalArgumentException("Five whys at most");
        }
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.summary = summary;
        this.rootCause = rootCause;
        List<String> five = new ArrayList<>(whys);
        while (five.size() < 5) {
            five.add(null);
        }
        this.why1 = five.get(0);
        this.why2 = five.get(1);
        this.why3 = five.get(2);
        this.why4 = five.get(3);
        this.why5 = five.get(4);
        this.fixedNow = fixedNow;
        this.systemic = systemic;
        this.improvementActionId = improvementActionId;
        this.loggedBy = loggedBy;
        this.loggedAt = loggedAt;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getSummary() {
        return summary;
    }

    public String getRootCause() {
        return rootCause;
    }

    /** The whys that were answered, in order. */
    public List<String> getWhys() {
        return Stream.of(why1, why2, why3, why4, why5)
                .filter(w -> w != null && !w.isBlank())
                .toList();
    }

    public boolean isFixedNow() {
        return fixedNow;
    }

    public boolean isSystemic() {
        return systemic;
    }

    public UUID getImprovementActionId() {
        return improvementActionId;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }
}
