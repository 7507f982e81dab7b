package dev.loopkeeper.intake.domain;

import dev.loopkeeper.sharedkernel.Segment;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** One NPS answer. (source, source event id) is unique: the survey tool's own key makes intake idempotent. */
@Entity
public class FeedbackResponse {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String source;

    @Column(nullable = false)
    private String sourceEventId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;

    private int score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Segment segment;

    private String comment;

    @Column(nullable = false)
    private Instant respondedAt;

    @Column(nullable = false)
    private Instant receivedAt;

    /** Read for a page of responses in one statement (a fetch join would page in memory). */
    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "response_property", joinColumns = @JoinColumn(name = "response_id"))
    @MapKeyColumn(name = "prop_name")
    @Column(name = "prop_value", nullable = false)
    private Map<String, String> properties = new HashMap<>();

    protected FeedbackResponse() {}

    public FeedbackResponse(
            String source,
            String sourceEventId,
            Customer customer,
            int score,
            String comment,
            Instant respondedAt,
            Instant receivedAt,
            Map<String, String> properties) {
        this.id = UUID.randomUUID();
        this.source = source;
        this.sourceEventId = sourceEventId;
        this.customer = customer;
        this.score = score;
        this.segment = Segment.of(score);
        this.comment = comment;
        this.respondedAt = respondedAt;
        this.receivedAt = receivedAt;
        this.properties.putAll(properties);
    }

    /** Kept from the past (an import of history): it opened no case. */
    private boolean history;

    public boolean isHistory() {
        return history;
    }

    public UUID getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public Customer getCustomer() {
        return customer;
    }

    public int getScore() {
        return score;
    }

    public Segment getSegment() {
        return segment;
    }

    public String getComment() {
        return comment;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Map<String, String> getProperties() {
        return Map.copyOf(properties);
    }
}
