package dev.loopkeeper.casework.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A colleague's note on a case. */
@Entity
public class CaseComment {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID caseId;

    @Column(nullable = false)
    private String author;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private Instant writtenAt;

    protected CaseComment() {}

    public CaseComment(UUID caseId, String author, String body, Instant writtenAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.author = author;
        this.body = body;
        this.writtenAt = writtenAt;
    }

    public String getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }
}
