package dev.loopkeeper.intake.domain;

import dev.loopkeeper.intake.CustomerDetails;
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

/** A customer who answered a survey, known by the survey tool's external id. */
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

    protected Customer() {
    }

    public Customer(String externalId, Instant now) {
        this.id = UUID.randomUUID();
        this.externalId = externalId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes what the latest response says; a field the survey tool left empty keeps what we knew. */
    public void update(CustomerDetails details, Instant now) {
        name = firstNonNull(details.name(), name);
        email = firstNonNull(details.email(), email);
        phone = firstNonNull(details.phone(), phone);
        preferredChannel = firstNonNull(details.preferredChannel(), preferredChannel);
        tier = firstNonNull(details.tier(), tier);
        lifetimeValue = firstNonNull(details.lifetimeValue(), lifetimeValue);
        updatedAt = now;
    }

    private static <T> T firstNonNull(T given, T known) {
        return given != null ? given : known;
    }

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
