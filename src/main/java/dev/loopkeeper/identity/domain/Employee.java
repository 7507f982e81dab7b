package dev.loopkeeper.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Someone customers may mention by name (store staff, call agents), and who manages them. */
@Entity
public class Employee {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String firstName;
    /** Other names customers use, comma-separated (nicknames, short forms). */
    private String aliases;

    private String location;
    /** The Loopkeeper user who manages the employee and hears of their praise. */
    @Column(nullable = false)
    private String managerUserId;

    protected Employee() {}

    public Employee(String fullName, String firstName, String aliases, String location, String managerUserId) {
        this.id = UUID.randomUUID();
        this.fullName = fullName;
        this.firstName = firstName;
        this.aliases = aliases;
        this.location = location;
        this.managerUserId = managerUserId;
    }

    /** The names a customer might write: full name first (most specific), then first name and aliases. */
    public List<String> names() {
        var names = new ArrayList<>(List.of(fullName, firstName));
        if (aliases != null && !aliases.isBlank()) {
            Arrays.stream(aliases.split(","))
                    .map(String::strip)
                    .filter(a -> !a.isEmpty())
                    .forEach(names::add);
        }
        return names;
    }

    public UUID getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getLocation() {
        return location;
    }

    public String getManagerUserId() {
        return managerUserId;
    }
}
