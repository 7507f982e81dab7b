package dev.loopkeeper.outreach;

import java.util.UUID;

/**
 * An alert for staff: to a group, to a user, or to both. {@link #toGroup} and {@link #toUser} make the usual ones,
 * about the case their key names.
 *
 * @param alertKey names this alert for good: the same key alerts once
 * @param kind     what it is about, e.g. {@code new-case}, {@code sla-breach}, {@code recognition}
 */
public record StaffAlert(
        String alertKey, UUID caseId, String group, String userId, String kind, String subject, String body) {

    public StaffAlert {
        if (alertKey == null || alertKey.isBlank() || alertKey.length() > 200) {
            throw new IllegalArgumentException("An alert key is 1 to 200 characters, not " + alertKey);
        }
        if (blank(group) && blank(userId)) {
            throw new IllegalArgumentException("Alert " + alertKey + " needs a group or a user");
        }
        if (blank(kind) || blank(subject)) {
            throw new IllegalArgumentException("Alert " + alertKey + " needs a kind and a subject");
        }
    }

    public static StaffAlert toGroup(String group, DeliveryKey key, String kind, String subject, String body) {
        return new StaffAlert(key.value(), key.caseId(), group, null, kind, subject, body);
    }

    public static StaffAlert toUser(String userId, DeliveryKey key, String kind, String subject, String body) {
        return new StaffAlert(key.value(), key.caseId(), null, userId, kind, subject, body);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
