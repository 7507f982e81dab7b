package dev.loopkeeper.outreach;

import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code loopkeeper.outreach.digests.*}
 *
 * @param groups per group id, a digest of the group's own: every email alert that names the group (as owner group or
 *               by name) is also summed up there, with the group's cases that closed. For a team's shared mailbox or
 *               its lead; the members keep their own digests as they chose them.
 */
@ConfigurationProperties("loopkeeper.outreach.digests")
public record DigestSettings(Map<String, GroupDigest> groups) {

    /** How the queue names a group's digest: no user id has a colon. */
    static final String GROUP_PREFIX = "group:";

    /**
     * @param address where the group's digest goes, e.g. {@code emea-team@example.com}
     * @param every   daily (default) or weekly, at 08:00
     * @param zone    whose 08:00; default UTC
     */
    public record GroupDigest(String address, AlertPreference.Every every, ZoneId zone) {}

    public DigestSettings {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    /** The group's digest, if it has one with an address. */
    GroupDigest of(String group) {
        GroupDigest digest = group == null ? null : groups.get(group);
        return digest == null || digest.address() == null || digest.address().isBlank() ? null : digest;
    }

    static String recipient(String group) {
        return GROUP_PREFIX + group;
    }

    /** The group a queued recipient stands for, or null for a person. */
    static String groupOf(String recipient) {
        return recipient.startsWith(GROUP_PREFIX) ? recipient.substring(GROUP_PREFIX.length()) : null;
    }
}
