package dev.loopkeeper.modeling.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who made an engine deployment, and why: what the engine itself does not keep. */
@Entity
@Table(name = "model_deployment")
public class DeploymentRecord {

    @Id
    private String deploymentId;

    @Column(nullable = false)
    private String deployedBy;

    @Column(nullable = false)
    private Instant deployedAt;

    private String note;

    protected DeploymentRecord() {}

    public DeploymentRecord(String deploymentId, String deployedBy, Instant deployedAt) {
        this.deploymentId = deploymentId;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
    }

    public void note(String note) {
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getDeployedBy() {
        return deployedBy;
    }

    public Instant getDeployedAt() {
        return deployedAt;
    }

    public String getNote() {
        return note;
    }
}
