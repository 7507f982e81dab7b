package dev.loopkeeper.intake.domain;

import dev.loopkeeper.sharedkernel.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer who answered a survey, known by the survey tool's external id. Read here; written by {@link CustomerRows},
 * one upsert statement per response.
 */
@Entity
public class Customer {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String externalId;

    private String name;
    private String email;
    private String phone;

    @Enumerated(EnumType.STRING)
    private Channel preferredChannel;

    private String tier;
    private BigDecimal lifetimeValue;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Customer() {}

    public UUID getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Channel getPreferredChannel() {
        return preferredChannel;
    }

    public String getTier() {
        return tier;
    }

    public BigDecimal getLifetimeValue() {
        return lifetimeValue;
    }
}
