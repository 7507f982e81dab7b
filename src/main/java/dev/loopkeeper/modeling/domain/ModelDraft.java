package dev.loopkeeper.modeling.domain;

import dev.loopkeeper.modeling.ModelKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A process owner's unsaved-to-the-engine edit of one model: the whole file, and what it started from. */
@Entity
public class ModelDraft {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModelKind kind;

    @Column(name = "model_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String resourceName;
    /** The definition the draft was opened from, null for a new model. */
    private String basedOnId;

    private Integer basedOnVersion;
    // a whole BPMN file: the length makes Hibernate expect MariaDB's longtext (V11), not a 255-byte tinytext
    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String content;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected ModelDraft() {}

    public ModelDraft(
            String owner,
            ModelKind kind,
            String key,
            String resourceName,
            String basedOnId,
            Integer basedOnVersion,
            String content,
            Instant now) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.kind = kind;
        this.key = key;
        this.resourceName = resourceName;
        this.basedOnId = basedOnId;
        this.basedOnVersion = basedOnVersion;
        this.content = content;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void edit(String content, Instant now) {
        this.content = content;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public ModelKind getKind() {
        return kind;
    }

    public String getKey() {
        return key;
    }

    public String getResourceName() {
        return resourceName;
    }

    public String getBasedOnId() {
        return basedOnId;
    }

    public Integer getBasedOnVersion() {
        return basedOnVersion;
    }

    public String getContent() {
        return content;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
