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

    /**
     * Takes what the latest response says; a field the survey tool left empty keeps what we knew.
     *
     * @return whether anything changed (only then is the row written)
     */
    public boolean update(CustomerDetails details, Instant now) {
        if (!wouldChange(details)) {
            return false;
        }
        name = firstNonNull(details.name(), name);
        email = firstNonNull(details.email(), email);
        phone = firstNonNull(details.phone(), phone);
        preferredChannel = firstNonNull(details.preferredChannel(), preferredChannel);
        tier = firstNonNull(details.tier(), tier);
        lifetimeValue = firstNonNull(details.lifetimeValue(), lifetimeValue);
        updatedAt = now;
        return true;
    }

    /** Whether the details say something we do not know yet. 1200 and 1200.00 are the same lifetime value. */
    public boolean wouldChange(CustomerDetails details) {
        return differs(details.name(), name) || differs(details.email(), email) || differs(details.phone(), phone)
                || differs(details.preferredChannel(), preferredChannel) || differs(details.tier(), tier)
                || (details.lifetimeValue() != null
                    && (lifetimeValue == null || details.lifetimeValue().compareTo(lifetimeValue) != 0));
    }

    private static boolean differs(Object given, Object known) {
        return given != null && !given.equals(known);
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
