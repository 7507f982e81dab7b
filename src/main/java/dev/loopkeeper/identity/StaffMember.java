package dev.loopkeeper.identity;

/** A user as far as a message to them needs: who, by what name (none if the directory has none), and where. */
public record StaffMember(String userId, String name, String email) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
